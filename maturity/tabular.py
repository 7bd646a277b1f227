"""Answers from tables: one enterprise per row of a CSV file or an Excel workbook.

Columns: ``questionnaire``, ``enterprise.<field>`` (or the bare field name, or a Chinese
header such as 企业名称), ``assessed_on``, ``assessor`` and question ids. Multi-select
cells list option ids separated by ``;`` or ``,``; checklist cells ``item=rating;…``;
level cells may carry the ``+`` mark (``2+``). Empty = unanswered.

Every row is read strictly, because a table that is read "leniently" loses rows without
a word: a cell with a line break in it (an unclosed quote that swallowed the next row),
a row with more or fewer cells than the header, a column given twice, an empty file or a
header without rows are each a located error (``file.csv:ROW:COLUMN: message``). The
delimiter is detected from the header (``,``, ``;`` as Excel writes it in many locales,
or a tab); in a ``;`` file, ``,`` separates options and is a decimal comma in numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import Issue
from .model.answers import ANSWERS_FORMAT, Enterprise
from .model.questionnaire import Questionnaire

ENTERPRISE_FIELDS = tuple(Enterprise.model_fields)
DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class BadInput:
    """A row (or a whole table) that cannot be read: the located message."""

    message: str


Record = tuple[str, "dict[str, Any] | BadInput"]
"""``(source, answers)``: the source is ``file.csv:ROW``; the answers are raw, as a YAML
answers file would give them, or the reason the row cannot be read."""


def csv_header(q: Questionnaire) -> list[str]:
    """Columns of a CSV of answers: the profile, then one per question id."""
    return ["questionnaire", *(f"enterprise.{f}" for f in ENTERPRISE_FIELDS), "assessed_on",
            "assessor", *q.questions]


def read_csv(path: Path, convert: bool = True) -> Iterator[Record]:
    """One record per data row (UTF-8, with or without BOM), streamed; ``convert=False``
    yields the rows without turning them into answers (to count them cheaply)."""
    source = str(path)
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        yield source, BadInput(f"{source}: {exc.strerror or exc}")
        return
    line = 1
    with handle:
        try:
            first = handle.readline()
            told = _SEP_LINE.fullmatch(first.rstrip("\r\n"))
            skipped = 0
            if told:  # Excel's "sep=;" line: the delimiter said, the header on the next line
                skipped, start = 1, handle.tell()
                first = handle.readline()
            if not first.strip():
                yield source, BadInput(f"{source}:{1 + skipped}: the file is empty: no header row")
                return
            delimiter = told.group(1) if told else _delimiter(first)
            handle.seek(start if told else 0)
            reader = csv.reader(handle, delimiter=delimiter, strict=True)
            header = next(reader)
            problem = _header_problem(header, source, 1 + skipped)
            if problem is not None:
                yield source, problem
                return
            rows = 0
            for cells in reader:
                line = reader.line_num + skipped
                if not any(c.strip() for c in cells):
                    continue  # a blank line
                rows += 1
                where = f"{source}:{line}"
                yield where, _row(header, cells, where, delimiter) if convert else None
            if rows == 0:
                yield source, BadInput(f"{source}:{1 + skipped}: a header but no rows: nothing to score")
        except UnicodeDecodeError as exc:  # decoded a block at a time: find the byte's own line
            raw = path.read_bytes()
            bad = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
            try:
                bad.decode("utf-8")
                at = line + 1
            except UnicodeDecodeError as first:
                at = bad[:first.start].count(b"\n") + 1
            yield f"{source}:{at}", BadInput(
                f"{source}:{at}: not UTF-8 ({exc.reason}); save the sheet as 'CSV UTF-8'"
                + (f"; no row from line {line + 1} on was scored" if at > 1 else ""))
        except csv.Error as exc:
            yield f"{source}:{line + 1}", BadInput(
                f"{source}:{line + 1}: {exc}: is a closing quote missing? Reading stopped at this "
                "row, so the rows after it were not scored; fix it and score the file again")


def read_xlsx(path: Path, convert: bool = True) -> Iterator[Record]:
    """One record per row of the first sheet (the ``xlsx`` extra); the first row is the header."""
    source = str(path)
    try:
        import openpyxl
    except ImportError:
        yield source, BadInput(f"{source}: reading .xlsx needs the xlsx extra: "
                               "pip install 'maturity[xlsx]' (or save the sheet as CSV)")
        return
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        yield source, BadInput(f"{source}: not a readable .xlsx workbook ({exc})")
        return
    try:
        rows = book.worksheets[0].iter_rows()  # cells: a percentage's format is on the cell
        header = [str(h.value).strip() if h.value is not None else "" for h in next(rows, ())]
        if not any(header):
            yield source, BadInput(f"{source}:1: the first sheet is empty: no header row")
            return
        problem = _header_problem(header, source)
        if problem is not None:
            yield source, problem
            return
        count = 0
        for number, row in enumerate(rows, start=2):
            values = [c.value for c in row]
            if all(v is None or str(v).strip() == "" for v in values):
                continue
            count += 1
            cells = [_cell_text(c.value, getattr(c, "number_format", "")) for c in row]
            while len(cells) > len(header) and cells[-1] == "":
                cells.pop()  # Excel's used range may run past the last column
            yield f"{source}:{number}", _row(header, cells, f"{source}:{number}", ",", workbook=True) \
                if convert else None
        if count == 0:
            yield source, BadInput(f"{source}:1: a header but no rows: nothing to score")
        for sheet in book.worksheets[1:]:  # never a silent skip: a city per sheet was lost so
            if any(v is not None and str(v).strip() for row in sheet.iter_rows(values_only=True)
                   for v in row):
                yield source, BadInput(
                    f"{source}: sheet {sheet.title!r} was not read: only the first sheet of a "
                    "workbook is; move its rows to the first sheet or save it as a workbook "
                    "of its own")
    finally:
        book.close()


# --------------------------------------------------------------------------- rows


_SEP_LINE = re.compile(r"(?i)sep=(.)")
"""The first line Excel writes, and reads, to name a CSV file's delimiter."""


def _delimiter(line: str) -> str:
    """The delimiter the header line uses most, outside quotes (``,`` when in doubt)."""
    outside = re.sub(r'"[^"]*"', "", line)
    counts = {d: outside.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _header_problem(header: list[str], source: str, line: int = 1) -> BadInput | None:
    seen: dict[str, int] = {}
    for number, text in enumerate(header, start=1):
        key = _field(text) if text.strip() else ""
        if not key:
            continue
        if key in seen:
            return BadInput(f"{source}:{line}:{number}: column {text.strip()!r} gives {key} again "
                            f"(column {seen[key]} already does); give each field once")
        seen[key] = number
    if not seen:
        return BadInput(f"{source}:{line}: the header row has no column names")
    return None


def _row(header: list[str], cells: list[str], where: str, delimiter: str,
         workbook: bool = False) -> dict[str, Any] | BadInput:
    for number, cell in enumerate(cells, start=1):
        if "\n" in cell or "\r" in cell:
            name = header[number - 1].strip() if number <= len(header) else f"#{number}"
            why = ("write the value on one line (Alt+Enter made a line break)" if workbook  # no quotes
                   else "is a closing quote missing? (it would swallow the next row)")
            return BadInput(f"{where}:{number}: a line break inside the cell of column {name!r}: {why}")
    if len(cells) != len(header):
        return BadInput(f"{where}: {len(cells)} cells, but the header has {len(header)}: "
                        "is a delimiter or a quote missing or extra?")
    try:
        return _answers(dict(zip(header, cells, strict=True)), delimiter)
    except CellError as exc:  # "COLUMN: field: message (column X)"
        return BadInput(f"{where}:{exc}")


def _cell_text(value: Any, number_format: str = "") -> str:
    """A workbook cell as the text a CSV export of it would hold: a cell formatted as a
    percentage (Excel keeps 74 % as 0.74) as "74%", as it shows (a consultant's workbook
    scored every share as under 1 %)."""
    if value is None:
        return ""
    if "%" in number_format and isinstance(value, int | float) and not isinstance(value, bool):
        return f"{round(value * 100, 9):g}%"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


_PROFILE = set(ENTERPRISE_FIELDS)
_PROFILE_CELLS = {
    "run_elsewhere": lambda v: [x.strip() for x in _SEPARATORS.split(v.strip("[]")) if x.strip()],
    "energy_intensive": lambda v: _yes_no(v),
    "industry": lambda v: _named("industry", v),
    "production_type": lambda v: _named("production_type", v),
    "product_kind": lambda v: _named("product_kind", v),
    "size": lambda v: _named("size", v),
}
"""Profile fields that are not plain text: a list written in one cell (``purchasing;
transport``), a yes/no, an id that a survey sheet may give by its name."""
_AN_ID = re.compile(r"[a-z][a-z0-9_-]*")


def _named(field: str, value: str) -> str:
    """A profile choice given by its name, English or Chinese, as its id (``汽车`` and
    ``Automotive`` are ``automotive``, ``大型`` is ``large``): a survey platform's sheet
    holds the labels its respondents picked, and each row was refused as "not an id".  The
    names are the general index's, which every shipped index shares; anything else is left
    as written, for validation to name."""
    if _AN_ID.fullmatch(value):
        return value
    return _profile_names().get(field, {}).get(value.strip().casefold(), value)


@lru_cache(maxsize=1)
def _profile_names() -> dict[str, dict[str, str]]:
    from .i18n import t
    from .loading import shared_questionnaire

    q = shared_questionnaire("general")
    out: dict[str, dict[str, str]] = {"size": {}}
    for field, choices in (("industry", q.industries), ("production_type", q.production_types),
                           ("product_kind", q.product_kinds)):
        out[field] = {name.casefold(): c.id for c in choices for name in dict(c.name).values()}
    for size in ("micro", "small", "medium", "large"):
        out["size"].update({t(f"size_{size}", lang).casefold(): size for lang in ("en", "zh")})
    return out
_SEPARATORS = re.compile(r"[;,，、；]")
_ALIASES = {
    # Chinese column headers as survey platforms and Excel sheets write them
    "企业名称": "enterprise.name", "企业": "enterprise.name", "统一社会信用代码": "enterprise.id",
    "行业": "enterprise.industry", "生产类型": "enterprise.production_type",
    "规模": "enterprise.size", "企业规模": "enterprise.size", "地区": "enterprise.region",
    "省份": "enterprise.region", "产品类型": "enterprise.product_kind",
    "由他方承担的职能": "enterprise.run_elsewhere", "高耗能": "enterprise.energy_intensive",
    "评估日期": "assessed_on", "评估人": "assessor",
    "评估指标": "questionnaire", "问卷": "questionnaire", "语言": "language",
}


class TableRow(dict):  # type: ignore[type-arg]
    """Answers read from one table row, with the column each field came from: ``columns``
    maps a field's path (``("answers", qid)``, ``("enterprise", "size")``,
    ``("assessed_on",)``) to its 1-based column number, so that an error names its cell."""

    columns: dict[tuple[str, ...], int]

    def copy(self) -> TableRow:
        out = TableRow(self)
        out.columns = self.columns
        return out


def _answers(record: Mapping[str, str | None], delimiter: str = ",") -> TableRow:
    raw = TableRow(format=ANSWERS_FORMAT, enterprise={}, answers={})
    raw.columns = {}
    for number, (column, cell) in enumerate(record.items(), start=1):
        key = _field(column)
        value = (cell or "").strip()
        if not value:
            continue
        bare = key.removeprefix("enterprise.")
        if key in ("questionnaire", "assessor", "language"):
            raw[key] = value
            raw.columns[(key,)] = number
        elif key == "assessed_on":
            try:
                raw[key] = dt.date.fromisoformat(value)
            except ValueError:
                raw[key] = value
            raw.columns[(key,)] = number
        elif bare in _PROFILE and (key.startswith("enterprise.") or key == bare):
            raw["enterprise"][bare] = _PROFILE_CELLS.get(bare, str)(value)
            raw.columns[("enterprise", bare)] = number
        else:
            try:
                raw["answers"][key] = _value(value, delimiter)
            except CellError as exc:
                raise CellError(f"{number}: {key}: {exc} (column {column_letters(number)})") from None
            raw.columns[("answers", key)] = number
    return raw


def in_cells(raw: Any, issues: Iterable[Issue]) -> tuple[Issue, ...]:
    """``issues`` about answers read from a table row, each placed at its cell where it is
    about one field: ``file.csv:ROW:COLUMN: …`` and the spreadsheet's column letter (a
    consultant looked for "answers.operations.quality.traceability" in a sheet of 120
    columns headed in Chinese)."""
    columns = getattr(raw, "columns", None)
    if not columns:
        return tuple(issues)
    out = []
    for issue in issues:
        number = columns.get(tuple(issue.path[:2])) or columns.get(tuple(issue.path[:1]))
        if number and issue.file and issue.line is None:  # the row's source is "file.csv:ROW"
            issue = replace(issue, file=f"{issue.file}:{number}",
                            message=f"{issue.message} (column {column_letters(number)})")
        out.append(issue)
    return tuple(out)


def column_letters(number: int) -> str:
    """A spreadsheet's name of a 1-based column: 1 → A, 26 → Z, 27 → AA."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _field(header: str) -> str:
    """The full field a header names (``enterprise.name`` for a bare ``name``)."""
    key = _column(header)
    return f"enterprise.{key}" if key in _PROFILE else key


def _column(header: str) -> str:
    """The field a CSV header names: an id, a Chinese alias, or ``id text`` / ``text（id）``."""
    key = header.strip()
    if key in _ALIASES:
        return _ALIASES[key]
    for opener, closer in (("（", "）"), ("(", ")")):
        if key.endswith(closer) and opener in key:
            inner = key[key.rindex(opener) + 1:-1].strip()
            if "." in inner and " " not in inner:
                return inner
    first = key.split(maxsplit=1)[0] if key else key
    return first if "." in first else key


_IDS = re.compile(r"[A-Za-z_][\w-]*(\s*,\s*[A-Za-z_][\w-]*)+")
_DECIMAL_COMMA = re.compile(r"-?\d+,\d+")


class CellError(ValueError):
    """A cell that cannot be read as it is written; the row's error names the cell."""


_ITEMS = re.compile(r";|,(?=\s*[A-Za-z_][\w\-]*\s*=)")
"""Where a checklist cell splits: at ``;``, and at ``,`` before the next ``item=`` (so that
``owners=0,8`` keeps its decimal comma in a ``;``-separated file)."""


def _ratings(value: str, delimiter: str) -> dict[str, Any]:
    """A checklist cell (``coding=fully; owners=partly``) as item → rating.  A part with no
    ``=`` and an item rated twice are errors, never dropped or overwritten (a consultant's
    "coding=fully;owners;standards partly;coding=not" validated ok as coding: not)."""
    out: dict[str, Any] = {}
    for part in (p.strip() for p in _ITEMS.split(value)):
        if not part:
            continue
        if "=" not in part:
            raise CellError(f"{part!r} has no rating: write item=rating, e.g. coding=fully; owners=partly")
        item, rating = (x.strip() for x in part.split("=", 1))
        if item in out:
            raise CellError(f"item {item!r} is rated twice ({out[item]!r} and {rating!r}): rate it once")
        if delimiter == ";" and _DECIMAL_COMMA.fullmatch(rating):
            rating = rating.replace(",", ".")  # Excel's decimal comma in a ;-separated file
        out[item] = _rating(rating)
    return out


def _value(value: str, delimiter: str = ",") -> Any:
    if "=" in value:
        return _ratings(value, delimiter)
    if delimiter == ";" and _DECIMAL_COMMA.fullmatch(value):
        value = value.replace(",", ".")  # Excel's decimal comma in a ;-separated file
    if ";" in value or (value.startswith("[") and value.endswith("]")) or _IDS.fullmatch(value):
        return [v.strip() for v in value.strip("[]").replace(",", ";").split(";") if v.strip()]
    # "yes" / "no" stay text: the question reads them (a yes/no question as yes or no, a
    # choice with an option "yes" as that option; as a boolean, "y" and "yes" were one)
    if "_" in value:  # a slip, not a digit separator ("7_4" is not 74): validation says so
        return value
    try:
        number = float(value)
    except ValueError:
        return value
    return int(number) if number.is_integer() and "." not in value else number


def _yes_no(value: str) -> bool | str:
    """A cell's yes or no as a boolean; anything else as written (validation says why)."""
    lowered = value.strip().lower()
    if lowered in ("true", "yes", "y", "是"):
        return True
    if lowered in ("false", "no", "n", "否"):
        return False
    return value


def _rating(value: str) -> Any:
    try:
        return float(value)
    except ValueError:
        return value
