"""Answers from tables: one enterprise per row of a CSV file or an Excel workbook.

Columns: ``questionnaire``, ``enterprise.<field>`` (or the bare field name, or a Chinese
header such as 企业名称), ``assessed_on``, ``assessor`` and question ids, or the questions'
own texts as a survey platform heads its export (``4、以下哪种描述……``). Multi-select
cells list option ids separated by ``;`` or ``,``, or the options' texts separated by
``┋`` (问卷星); checklist cells ``item=rating;…``; level cells may carry the ``+`` mark
(``2+``); an option or a level may be given by its text. Empty = unanswered.

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
from pathlib import Path
from typing import Any, TextIO

from ._read import MAX_BYTES
from .columns import (
    ENTERPRISE_FIELDS,
    PROFILE,
    PROFILE_CELLS,
    field,
    settle_texts,
    survey_column,
    survey_columns,
)
from .errors import Issue
from .model.answers import ANSWERS_FORMAT
from .model.questionnaire import Questionnaire
from .written import numeric, percent_sign

DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class BadInput:
    """A row (or a whole table) that cannot be read: the located message."""

    message: str


Record = tuple[str, "dict[str, Any] | BadInput"]
"""``(source, answers)``: the source is ``file.csv:ROW``; the answers are raw, as a YAML
answers file would give them, or the reason the row cannot be read."""


def csv_header(q: Questionnaire) -> list[str]:
    """Columns of a CSV of answers: the index and the answers' language, the profile, then
    one per question id (without the language column, a Chinese survey's reports came out
    in English and a folder's index page mixed the two)."""
    return ["questionnaire", "language", *(f"enterprise.{f}" for f in ENTERPRISE_FIELDS), "assessed_on",
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
            first, said, skipped, start = _head(handle)
            if not first.strip():
                yield source, BadInput(f"{source}:{1 + skipped}: the file is empty: no header row")
                return
            delimiter = said or _delimiter(first)
            handle.seek(start)
            # a cell may be as long as an answers file (the csv module's own limit, 128 KiB,
            # stopped a table at a long name with "is a closing quote missing?" and never
            # scored the rows after it); the limit is only ever raised, never lowered
            csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES))
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


def _head(handle: TextIO) -> tuple[str, str | None, int, int]:
    """A CSV's header line, past Excel's "sep=;" line: (the line, the delimiter that line
    names or None, the lines before the header, the header's offset)."""
    first = handle.readline()
    told = _SEP_LINE.fullmatch(first.rstrip("\r\n"))
    if not told:
        return first, None, 0, 0
    start = handle.tell()
    return handle.readline(), told.group(1), 1, start


def survey_columns_of(path: Path) -> list[str]:
    """The survey platform's own columns in a table's header (row numbers, times, IP…),
    which are not read as answers: to be said once for the table, never skipped unsaid.
    Empty where the header cannot be read (reading the rows says why)."""
    try:
        if path.suffix.lower() == ".xlsx":
            import openpyxl

            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
            try:
                first = next(book.worksheets[0].iter_rows(values_only=True), ())
            finally:
                book.close()
            return survey_columns([str(v) for v in first if v is not None])
        with path.open(encoding="utf-8-sig", newline="") as handle:
            line, said, _, _ = _head(handle)
            return survey_columns(next(csv.reader([line], delimiter=said or _delimiter(line)), []))
    except Exception:
        return []


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
        key = field(text) if text.strip() else ""
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
        value = (cell or "").strip()
        if not value or survey_column(column):  # a survey platform's own: no answer
            continue
        key = field(column)
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
        elif bare in PROFILE and (key.startswith("enterprise.") or key == bare):
            raw["enterprise"][bare] = PROFILE_CELLS.get(bare, str)(value)
            raw.columns[("enterprise", bare)] = number
        else:
            try:
                raw["answers"][key] = _value(value, delimiter)
            except CellError as exc:
                raise CellError(f"{number}: {key}: {exc} (column {column_letters(number)})") from None
            raw.columns[("answers", key)] = number
    settle_texts(raw)
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


_IDS = re.compile(r"[A-Za-z_][\w-]*(\s*,\s*[A-Za-z_][\w-]*)+")
OPTIONS_MARK = "┋"
"""What 问卷星 puts between the options ticked in one cell."""
_DECIMAL_COMMA = re.compile(r"-?\d+,\d+\s*%?")


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


_ID = re.compile(r"[A-Za-z_][\w-]*")
_RATED = re.compile(r"[A-Za-z_][\w-]*\s*=\s*\S+")


def _value(value: str, delimiter: str = ",") -> Any:
    if "\uff1b" in value and all(_ID.fullmatch(p.strip()) or _RATED.fullmatch(p.strip())
                                  for p in value.split("\uff1b") if p.strip()):
        value = value.replace("\uff1b", ";")  # ids (or item=rating) parted by a full-width "；"
    if "=" in value:
        return _ratings(value, delimiter)
    if delimiter == ";" and _DECIMAL_COMMA.fullmatch(value):
        value = value.replace(",", ".")  # Excel's decimal comma in a ;-separated file
    if OPTIONS_MARK in value:  # 问卷星's multiple choice: the options' texts
        return [v.strip() for v in value.split(OPTIONS_MARK) if v.strip()]
    if ";" in value or (value.startswith("[") and value.endswith("]")) or _IDS.fullmatch(value):
        parts = [v.strip() for v in value.strip("[]").replace(",", ";").split(";") if v.strip()]
        if not any(" " in v for v in parts) or value.startswith("["):
            return parts
        # words between the semicolons: a sentence (an answer's text, as a survey exports
        # the level or the option picked), one value
    # "yes" / "no" stay text: the question reads them (a yes/no question as yes or no, a
    # choice with an option "yes" as that option; as a boolean, "y" and "yes" were one)
    if percent_sign(value):  # "0.5%": the sign is kept for the check (a share below 1 %)
        return value
    return numeric(value)  # as a YAML file's text is read: "7_4" and 400 digits stay text


def _rating(value: str) -> Any:
    try:
        return float(value)
    except ValueError:
        return value
