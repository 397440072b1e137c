from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from legacy.dump_files import DumpError
from legacy.gnuboard import LegacyImport, read_board_files, read_boards, read_category_map, read_twins


class Command(BaseCommand):
    help = (
        "Imports posts from dumps of the old gnuboard5 site's boards (tables g5_write_<board> as JSON, "
        "CSV or mysqldump SQL). Re-running updates the same posts; a bad file imports nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("dumps", nargs="+", type=Path, metavar="FILE", help="g5_write_<board>.json, .csv or .sql")
        parser.add_argument(
            "--board",
            help="the board to import: needed when the file name does not tell it; of a SQL dump, all by default",
        )
        parser.add_argument(
            "--files", type=Path, metavar="DIR", help="a copy of the old site's data/ folder, to copy images and files"
        )
        parser.add_argument(
            "--twins",
            type=Path,
            metavar="CSV",
            help="ko_wr_id,en_wr_id pairs: each English row joins its Korean twin's post",
        )
        parser.add_argument(
            "--attachments", type=Path, metavar="FILE", help="a g5_board_file dump (JSON, CSV or SQL); needs --files"
        )
        parser.add_argument(
            "--category-map",
            action="append",
            default=[],
            metavar="NAME=SLUG",
            help="an old category (ca_name) and the slug of its category here, when their names differ; repeatable",
        )
        parser.add_argument("--dry-run", action="store_true", help="check and count, but save nothing")

    def handle(self, *args, dumps, board, files, twins, attachments, category_map, dry_run, **options):
        if files is not None and not files.is_dir():
            raise CommandError(f"--files {files}: no such folder.")
        if attachments is not None and files is None:
            raise CommandError("--attachments needs --files DIR, the old site's data/ folder, to copy the files from.")
        try:
            category_map = read_category_map(category_map)
        except DumpError as error:
            raise CommandError(str(error)) from error
        legacy_import = LegacyImport(files_dir=files, copy_files=not dry_run, category_map=category_map)
        try:
            board_dumps = [dump for path in dumps for dump in read_boards(path, board)]
            pairs = read_twins(twins) if twins else {}
            board_files = read_board_files(attachments) if attachments else []
            with transaction.atomic():
                report = legacy_import.run(board_dumps, pairs, board_files)
                if dry_run:
                    transaction.set_rollback(True)
        except Exception as error:
            # The database rolled back: files this run copied would point nowhere.
            legacy_import.delete_copied_files()
            if isinstance(error, DumpError):
                raise CommandError(str(error)) from error
            raise

        self.write_report(report, attachments=attachments is not None, dry_run=dry_run)

    def write_report(self, report, attachments, dry_run):
        if unmapped := report.unmapped_categories:
            self.stderr.write(
                "Warning: old categories with no category of the same name here; their posts went to the "
                "board's category (뉴스 / 공지): "
                + ", ".join(f"{name} ({board}, {posts} posts)" for (board, name), posts in unmapped.items())
                + ". Give --category-map NAME=SLUG to put them elsewhere.",
                self.style.WARNING,
            )
        for warning in report.warnings:
            self.stderr.write(f"Warning: {warning}", self.style.WARNING)
        if report.images_left_behind:
            self.stderr.write(
                f"Warning: {report.images_left_behind} images keep their old addresses; "
                "give --files DIR (the old site's data/ folder) to copy them.",
                self.style.WARNING,
            )
        for board_name, counts in report.boards.items():
            self.stdout.write(
                f"Imported {counts.imported} posts ({counts.created} created, {counts.updated} updated, "
                f"{counts.skipped} skipped) from board {board_name}."
            )
            if counts.joined:
                self.stdout.write(f"Joined {counts.joined} posts of board {board_name} to their Korean twins.")
        if attachments:
            self.stdout.write(
                f"Attachments: {report.attachments_created + report.attachments_updated} "
                f"({report.attachments_created} created, {report.attachments_updated} updated)."
            )
        if report.replies_linked:
            self.stdout.write(f"Replies (답변) linked to the posts they answer: {report.replies_linked}.")
        if report.old_addresses:
            addresses = report.old_addresses
            self.stdout.write(
                f"Old addresses kept: posts {addresses['posts']}, comments {addresses['comments']} (to their posts), "
                f"attachment downloads {addresses['attachments']}."
            )
        if dry_run:
            self.stdout.write("Dry run: nothing was saved.")
