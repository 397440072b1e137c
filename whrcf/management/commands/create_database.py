"""Create the PostgreSQL database named in DATABASE_URL when it does not exist yet."""

import psycopg2
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from psycopg2 import sql


class Command(BaseCommand):
    help = "Create the PostgreSQL database of DATABASE_URL if it is missing (for `make prod`)."

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError("DATABASE_URL does not name a PostgreSQL database.")
        settings = connection.settings_dict
        server = psycopg2.connect(
            dbname="postgres",
            user=settings["USER"],
            password=settings["PASSWORD"],
            host=settings["HOST"],
            port=settings["PORT"],
        )
        server.autocommit = True
        with server.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [settings["NAME"]])
            if cursor.fetchone():
                self.stdout.write(f"Database {settings['NAME']} exists.")
            else:
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(settings["NAME"])))
                self.stdout.write(f"Created database {settings['NAME']}.")
        server.close()
