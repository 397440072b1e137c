class IdConverter:
    """A positive id of at most 9 digits: longer numbers would overflow the database
    integer on lookup (a 500 on SQLite), so they never reach a view and give a 404."""

    regex = "[0-9]{1,9}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)
