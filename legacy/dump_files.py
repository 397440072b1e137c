"""
Tables of a dump, as the old site's database gives them: a JSON or CSV file holds one
table; a mysqldump SQL file holds many, read from its CREATE TABLE and INSERT statements
without running any of it. Each row comes with where it was found, for error messages.

A SQL dump is read only when it is whole: mysqldump ends every statement with `;` and the
dump with the line `-- Dump completed`. A dump cut short (a full disk, a broken copy) would
otherwise import the tables and rows before the cut as if they were all.
"""

import csv
import io
import json
import re
from pathlib import Path

CSV_FIELD_LIMIT = 64 * 1024 * 1024

SQL_TOKEN = re.compile(
    r"""
    (?P<space>\s+|--[^\n]*|\#[^\n]*|/\*.*?\*/)
    |(?P<string>'(?:[^'\\]++|\\.|'')*+'|"(?:[^"\\]++|\\.|"")*+")
    |(?P<name>`(?:[^`]++|``)*+`)
    |(?P<number>-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)
    |(?P<word>\w+)
    |(?P<symbol>[(),;.])
    |(?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
SQL_ESCAPES = {"0": "\0", "b": "\b", "n": "\n", "r": "\r", "t": "\t", "Z": "\x1a", "%": "\\%", "_": "\\_"}
SQL_STRING_ESCAPES = {"'": re.compile(r"\\(.)|''", re.DOTALL), '"': re.compile(r'\\(.)|""', re.DOTALL)}
INSERT_MODIFIERS = {"LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE", "INTO"}
TABLE_STATEMENTS = {"INSERT", "CREATE", "DROP", "LOCK"}
TABLE_NAME_PREFIXES = INSERT_MODIFIERS | {"TABLE", "TABLES", "IF", "NOT", "EXISTS"}
# The tokens of a statement that hold the table's name: CREATE TABLE IF NOT EXISTS `t`.
STATEMENT_HEAD = 8
# mysqldump's last line, with the date unless --skip-dump-date ("%2d" hours: " 9:05:01").
DUMP_COMPLETED = re.compile(r"-- Dump completed(?: on \d{4}-\d{2}-\d{2} +\d{1,2}:\d{2}:\d{2})?")


class DumpError(Exception):
    """A dump that cannot be imported; the message names the file and the row."""


def read_text(path):
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise DumpError(f"{path}: cannot be read ({error.strerror}).") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise DumpError(
            f"{path}: line {line} is not UTF-8 (byte 0x{data[error.start]:02x}); export the dump as UTF-8."
        ) from None


def read_tables(path, wanted=lambda table: True):
    """{table name: [(where, row), ...]}. JSON and CSV hold one table, named None; of a SQL
    dump, only the tables for which `wanted(name)` is true are read."""
    path = Path(path)
    text = read_text(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        return {None: read_json(path, text)}
    if suffix == ".csv":
        return {None: read_csv(path, text)}
    if suffix == ".sql":
        return read_sql(path, text, wanted)
    raise DumpError(f"{path}: unknown dump format; give a .json, .csv or .sql file.")


def read_json(path, text):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise DumpError(f"{path}: line {error.lineno}: not valid JSON ({error.msg}).") from None
    if isinstance(data, dict) and isinstance(data.get("rows"), list):
        data = data["rows"]
    if not isinstance(data, list):
        raise DumpError(f'{path}: expected a list of rows or {{"rows": [...]}}.')
    rows = []
    for number, item in enumerate(data, start=1):
        where = f"{path}: row {number}"
        if not isinstance(item, dict):
            raise DumpError(f"{where}: a row must be an object of column names and values.")
        rows.append((where, {column: json_cell(where, column, value) for column, value in item.items()}))
    return rows


def json_cell(where, column, value):
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int | float):
        return str(value)
    raise DumpError(f"{where}: column {column} holds a list or object, not a value.")


def read_csv(path, text):
    # Bodies with pasted images exceed csv's default 128 KB field limit.
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [column.strip() for column in next(reader, [])]
        rows, start = [], reader.line_num + 1
        for values in reader:
            where = f"{path}: line {start}"
            start = reader.line_num + 1
            if not values:
                continue
            if len(values) != len(header):
                raise DumpError(f"{where}: {len(values)} fields, but the header names {len(header)} columns.")
            rows.append((where, dict(zip(header, values, strict=True))))
    except csv.Error as error:
        raise DumpError(f"{path}: line {reader.line_num}: not valid CSV ({error}).") from None
    if not header:
        raise DumpError(f"{path}: empty file; the first line must name the columns.")
    return rows


def read_sql(path, text, wanted):
    """The rows of the INSERTs into wanted tables of a mysqldump file, with or without a column list."""
    tables, columns_of = {}, {}
    for statement in sql_statements(path, text):
        keyword = statement[0][1].upper() if statement[0][0] == "word" else ""
        if keyword == "CREATE" and any(
            kind == "word" and value.upper() == "TABLE" for kind, value, _ in statement[:4]
        ):
            table, columns = parse_create_table(path, text, statement)
            columns_of[table] = columns
            if wanted(table):
                tables.setdefault(table, [])
        elif keyword in {"INSERT", "REPLACE"}:
            table, rows = parse_insert(path, text, statement, columns_of, wanted)
            if wanted(table):
                tables.setdefault(table, []).extend(rows)
    return tables


def sql_statements(path, text):
    """Lists of (kind, value, position) tokens, one list per statement; DumpError unless
    every statement ends with `;` and the dump with mysqldump's last line."""
    statement, table, last_comment = [], None, None
    for match in SQL_TOKEN.finditer(text):
        kind, value = match.lastgroup, match.group()
        if kind == "space":
            if value.startswith("--"):
                last_comment = match
            continue
        last_comment = None
        if kind == "other" and value in "'\"`":
            raise DumpError(
                f"{path}: line {line_at(text, match.start())}: unterminated quoted text{in_table(table)}; "
                "the dump is damaged or cut short."
            )
        if kind == "symbol" and value == ";":
            if statement:
                yield statement
            statement = []
            continue
        statement.append((kind, value, match.start()))
        if len(statement) <= STATEMENT_HEAD:
            table = statement_table(statement) or table
    if statement:
        raise DumpError(
            f"{path}: line {line_at(text, statement[0][2])}: a statement{in_table(table)} has no closing ;, "
            "the dump is cut short. Import a whole dump."
        )
    if last_comment is None or not DUMP_COMPLETED.fullmatch(last_comment.group().rstrip()) or not text.endswith("\n"):
        raise DumpError(
            f"{path}: line {line_at(text, len(text))}: the dump ends{in_table(table)} without mysqldump's last "
            'line "-- Dump completed", so it is cut short (or was made with --skip-comments). Import a whole dump.'
        )


def statement_table(statement):
    """The table a statement about one table (CREATE TABLE, INSERT, DROP TABLE, LOCK TABLES)
    names, once its name is read; else None."""
    words = [value.upper() if kind == "word" else value for kind, value, _position in statement]
    if words[0] not in TABLE_STATEMENTS or (words[0] != "INSERT" and words[1:2] not in (["TABLE"], ["TABLES"])):
        return None
    names = [statement[index][1] for index in range(1, len(words)) if words[index] not in TABLE_NAME_PREFIXES]
    return unquote_name(names[0]) if names else None


def in_table(table):
    return f" in table {table}" if table else ""


def line_at(text, position):
    return text.count("\n", 0, position) + 1


def parse_create_table(path, text, statement):
    tokens = iter(statement)
    for kind, value, _position in tokens:
        if kind == "word" and value.upper() == "TABLE":
            break
    token = next(tokens, None)
    if token and token[0] == "word" and token[1].upper() == "IF":  # IF NOT EXISTS
        next(tokens, None)
        next(tokens, None)
        token = next(tokens, None)
    table = sql_name(path, text, token, "a table name")
    columns, depth, previous = [], 0, None
    for kind, value, _position in tokens:
        if kind == "name" and depth == 1 and previous in {"(", ","}:
            columns.append(unquote_name(value))
        if value == "(":
            depth += 1
        elif value == ")":
            depth -= 1
        previous = value if kind == "symbol" else None
    return table, columns


def parse_insert(path, text, tokens, columns_of, wanted):
    index = 1
    while index < len(tokens) and tokens[index][0] == "word" and tokens[index][1].upper() in INSERT_MODIFIERS:
        index += 1
    table = sql_name(path, text, tokens[index] if index < len(tokens) else None, "a table name")
    if not wanted(table):
        return table, []
    index += 1
    columns = columns_of.get(table)
    if index < len(tokens) and tokens[index][1] == "(":
        columns, index = parse_list(path, text, tokens, index, column_name)
    if index >= len(tokens) or tokens[index][1].upper() not in {"VALUES", "VALUE"}:
        raise DumpError(sql_error(path, text, tokens, index, "expected VALUES"))
    if columns is None:
        position = tokens[0][2]
        raise DumpError(
            f"{path}: line {line_at(text, position)}: INSERT INTO {table} names no columns and the dump "
            "has no CREATE TABLE for it; dump with --complete-insert or keep the table definition."
        )
    rows = []
    index += 1
    while True:
        line = line_at(text, tokens[index][2]) if index < len(tokens) else line_at(text, len(text))
        values, index = parse_list(path, text, tokens, index, sql_value)
        if len(values) != len(columns):
            raise DumpError(f"{path}: line {line}: {len(values)} values for {len(columns)} columns of {table}.")
        rows.append((f"{path}: line {line}", dict(zip(columns, values, strict=True))))
        if index < len(tokens) and tokens[index][1] == ",":
            index += 1
            continue
        if index < len(tokens) and not (tokens[index][0] == "word" and tokens[index][1].upper() == "ON"):
            raise DumpError(sql_error(path, text, tokens, index, "expected , or ; after a row"))
        return table, rows


def parse_list(path, text, tokens, index, read_item):
    """Reads `( item, item, ... )` starting at tokens[index]; returns the items and the next index."""
    if index >= len(tokens) or tokens[index][1] != "(":
        raise DumpError(sql_error(path, text, tokens, index, "expected ("))
    items = []
    index += 1
    while True:
        if index >= len(tokens):
            raise DumpError(sql_error(path, text, tokens, index, "expected a value"))
        items.append(read_item(path, text, tokens[index]))
        index += 1
        if index < len(tokens) and tokens[index][1] == ",":
            index += 1
        elif index < len(tokens) and tokens[index][1] == ")":
            return items, index + 1
        else:
            raise DumpError(sql_error(path, text, tokens, index, "expected , or )"))


def sql_error(path, text, tokens, index, expected):
    if index < len(tokens):
        _kind, value, position = tokens[index]
        found = value if len(value) <= 20 else f"{value[:20]}…"
        return f"{path}: line {line_at(text, position)}: {expected}, found {found!r}."
    return f"{path}: line {line_at(text, len(text))}: {expected}, found the end of the statement."


def sql_name(path, text, token, expected):
    if token is None or token[0] not in {"name", "word"}:
        raise DumpError(sql_error(path, text, [token] if token else [], 0, f"expected {expected}"))
    return unquote_name(token[1])


def column_name(path, text, token):
    return sql_name(path, text, token, "a column name")


def unquote_name(name):
    return name[1:-1].replace("``", "`") if name.startswith("`") else name


def sql_value(path, text, token):
    kind, value, _position = token
    if kind == "string":
        return SQL_STRING_ESCAPES[value[0]].sub(unescape_sql, value[1:-1])
    if kind == "number":
        return value
    if kind == "word" and value.upper() == "NULL":
        return None
    raise DumpError(sql_error(path, text, [token], 0, "expected a quoted text, a number or NULL"))


def unescape_sql(match):
    if match.group(1) is None:
        return match.group()[0]
    return SQL_ESCAPES.get(match.group(1), match.group(1))


# Boards
