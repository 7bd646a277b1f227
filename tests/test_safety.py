"""Nothing a user gives is lost or silently misread (issue #11): outputs never overwrite
inputs, bad CSV is refused row by row, terminal output carries no escapes from data."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import maturity
from maturity.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "docs" / "examples" / "machinery-plant.yaml"


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(SAMPLE, "x.yaml")
    shutil.copy(SAMPLE, "y.yaml")
    os.symlink("x.yaml", "link.yaml")
    os.link("x.yaml", "hard.yaml")
    Path("d").mkdir()
    shutil.copy(SAMPLE, "d/a.yaml")
    return tmp_path


@pytest.mark.parametrize("argv", [
    ["score", "x.yaml", "-f", "json", "-o", "x.yaml"],
    ["score", "x.yaml", "y.yaml", "-f", "csv", "-o", "y.yaml"],
    ["report", "x.yaml", "-o", "x.yaml"],
    ["compare", "x.yaml", "y.yaml", "-o", "x.yaml"],
    ["compare", "x.yaml", "y.yaml", "-o", "y.yaml"],
    ["score", "d", "-o", "d/a.yaml"],
    ["score", "d", "-o", "d/new.yaml"],        # the next scan would read it
    ["score", "d/*.yaml", "-o", "d/a.yaml"],   # through a glob
    ["report", "x.yaml", "-o", "link.yaml"],   # through a symlink
    ["report", "x.yaml", "-o", "hard.yaml"],   # through a hard link
    ["report", "link.yaml", "-o", "x.yaml"],
], ids=lambda argv: " ".join(argv))
def test_an_output_that_is_an_input_is_a_usage_error_and_nothing_is_written(files, capsys, argv):
    before = {p: p.read_bytes() for p in Path(".").rglob("*.yaml") if p.is_file()}
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "-o " in err and ("input" in err or "scored" in err), err
    after = {p: p.read_bytes() for p in Path(".").rglob("*.yaml") if p.is_file()}
    assert after == before, "no input changed and no output was written"


@pytest.mark.parametrize("argv", [
    ["score", "d", "-o", "d/out.json"],       # a suffix the scan does not read
    ["score", "x.yaml", "-f", "json", "-o", "out.json"],
    ["report", "x.yaml", "-o", "report.md"],
])
def test_other_outputs_are_written(files, argv):
    assert main(argv) == 0
    assert Path(argv[-1]).stat().st_size > 0


def test_standard_input_read_from_a_file_is_that_file(files, capsys, monkeypatch):
    """``score - -o x.yaml < x.yaml`` replaced the answers with the results, exit 0."""
    before = Path("x.yaml").read_bytes()
    with open("x.yaml", "rb") as fh:
        monkeypatch.setattr("sys.stdin", type("In", (), {"fileno": fh.fileno, "buffer": fh})())
        assert main(["score", "-", "-f", "json", "-o", "x.yaml"]) == 2
    assert "standard input" in capsys.readouterr().err
    assert Path("x.yaml").read_bytes() == before


@pytest.mark.parametrize("argv", [
    ["score", "y.yaml", "-f", "json", "-o", "latest.json"],
    ["report", "y.yaml", "-o", "latest.json", "-f", "json"],
], ids=lambda argv: argv[0])
def test_an_output_named_by_a_link_is_written_to_the_links_file(files, argv):
    """``-o latest.json``, a link to ``shared/results.json``: the link was replaced by a new
    file and its file kept the old results (and ``-o /dev/stderr``, redirected to a file,
    replaced that link for every process)."""
    Path("shared").mkdir()
    Path("shared/results.json").write_text("STALE")
    os.symlink("shared/results.json", "latest.json")
    assert main(argv) == 0
    assert Path("latest.json").is_symlink()
    written = Path("shared/results.json").read_text()
    assert "STALE" not in written and "general@2" in written


# --------------------------------------------------------------------------- CSV input

HEAD = "questionnaire,enterprise.name,factory.equipment.cnc_rate\n"


def _score_csv(tmp_path, text: str | bytes, capsys) -> tuple[int, str, list[str]]:
    src = tmp_path / "in.csv"
    src.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    out = tmp_path / "out.csv"
    code = main(["score", str(src), "-f", "csv", "-o", str(out), "--quiet"])
    rows = out.read_text("utf-8").splitlines()[1:] if out.exists() else []
    return code, capsys.readouterr().err, rows


@pytest.mark.parametrize(("text", "where", "words"), [
    (HEAD + 'general,"Alpha,60\ngeneral,Beta,70\n', ":2:", "closing quote"),          # to the end
    (HEAD + 'general,"Alpha,60\ngeneral,Beta,70\ngeneral,"Gamma",80\n', ":2:", "rows after it"),
    (HEAD + 'general,"Alpha\ngeneral,Beta",70\ngeneral,Gamma,80\n', ":3:2:", "line break"),
    (HEAD + "general,A,60,99\n", ":2:", "4 cells, but the header has 3"),
    (HEAD + "general,A\n", ":2:", "2 cells, but the header has 3"),
    ("questionnaire,enterprise.name,企业名称\ngeneral,A,B\n", ":1:3:", "enterprise.name again"),
    ("questionnaire,enterprise.name,enterprise.name\ngeneral,A,B\n", ":1:3:", "again"),
    ("", ":1:", "empty"),
    (HEAD, ":1:", "a header but no rows"),
], ids=["unclosed-quote-at-end", "unclosed-quote-stops-reading", "quote-swallows-a-row",
        "extra-cell", "missing-cell",
        "alias-twice", "column-twice", "empty", "header-only"])
def test_a_bad_table_is_a_located_error_never_a_lost_row(tmp_path, capsys, text, where, words):
    code, err, rows = _score_csv(tmp_path, text, capsys)
    assert code == 1, err
    assert f"in.csv{where}" in err and words in err, err
    assert any(",false," in r for r in rows), "the error is a row of the output too"


@pytest.mark.parametrize("bad_row", [2, 3, 400])
def test_a_table_not_in_utf8_is_reported_at_the_line_of_its_first_bad_byte(tmp_path, capsys, bad_row):
    """A user found a GBK-encoded CSV always reported at ':2', wherever the bad bytes were
    (the file is decoded a block at a time, not a row at a time)."""
    rows = [f"general,Plant {k},{k % 100}" for k in range(2, 600)]
    rows[bad_row - 2] = "general,Plant ,50".replace("Plant ", "工厂 ")
    data = (HEAD + "\n".join(rows) + "\n").encode("utf-8")
    data = data.replace("工厂".encode(), "工厂".encode("gbk"))
    code, err, scored = _score_csv(tmp_path, data, capsys)
    assert code == 1 and f"in.csv:{bad_row}: not UTF-8" in err, err
    assert all(f"Plant {k}," in row for k, row in zip(range(2, 2 + len(scored)), scored, strict=False)
               if "not UTF-8" not in row)


def test_an_error_row_of_a_table_names_its_enterprise(tmp_path, capsys):
    """A user found the error rows of a CSV with an empty enterprise.name: only the row number
    said whose answers had failed."""
    table = HEAD + "general@2,Alpha Works,500\ngeneral@2,Beta Works,50\n"
    code, _, rows = _score_csv(tmp_path, table, capsys)
    assert code == 1 and "in.csv:2,false,,Alpha Works," in rows[0]
    assert ",Beta Works," in rows[1]


def test_a_number_or_a_time_of_day_is_not_read_as_a_date(tmp_path, capsys):
    """A consultant's date cell holding 0 was read as 1970-01-01 and 1778544000 as a Unix
    time (an Excel date serial, 46154, would be a day in 1970): the history came out in
    the wrong order.  A survey platform's "2026-05-12 10:22:11" got pydantic's words."""
    table = ("questionnaire,enterprise.name,assessed_on\ngeneral@2,A,0\ngeneral@2,B,46154\n"
             "general@2,C,2026-05-12 10:22:11\ngeneral@2,D,2026-05-12\n")
    code, err, _ = _score_csv(tmp_path, table, capsys)
    assert code == 1 and "in.csv:2:3: assessed_on: a number (0) is not read as a date" in err
    assert "in.csv:3:3: assessed_on: a number (46154) is not read as a date" in err
    assert "in.csv:4:3: assessed_on: a date with a time of day" in err and "in.csv:5" not in err
    path = tmp_path / "a.yaml"
    path.write_text("format: maturity-answers/1\nquestionnaire: general\nassessed_on: 1778544000\n", "utf-8")
    assert main(["validate", str(path)]) == 1
    assert "a.yaml:3: assessed_on: a number (1778544000) is not read as a date" in capsys.readouterr().err


@pytest.mark.parametrize("suffix", [".yml", ".yaml"])
def test_results_are_never_written_as_a_yaml_file(tmp_path, capsys, suffix):
    """Results saved as results.yml into the inbox were terminal text with exit 0, and broke
    the next batch as a YAML file that was not one."""
    out = tmp_path / f"results{suffix}"
    for command in (["score"], ["report"]):
        assert main([*command, str(SAMPLE), "-o", str(out)]) == 2
        assert "not yaml" in capsys.readouterr().err and not out.exists()


@pytest.mark.parametrize("date", ["2026/5/12", "2026年11月21日"])
def test_a_date_not_written_as_iso_says_how_to_write_it(tmp_path, capsys, date):
    """A Chinese date, 2026年11月21日, was told it had "a time of day" it does not have."""
    code, err, _ = _score_csv(tmp_path, f"questionnaire,enterprise.name,assessed_on\ngeneral@2,A,{date}\n",
                              capsys)
    assert code == 1 and "in.csv:2:3: assessed_on:" in err and "write it as YYYY-MM-DD" in err
    assert "time of day" not in err


def test_a_semicolon_table_as_excel_writes_it_is_read(tmp_path, capsys):
    text = ("questionnaire;enterprise.name;factory.equipment.cnc_rate;factory.integration.systems\n"
            "general;Alpha;60,5;erp,mes\ngeneral;Beta;70;erp\n")
    code, err, rows = _score_csv(tmp_path, text, capsys)
    assert code == 0, err
    assert len(rows) == 2 and all(",true," in r for r in rows)


def test_validate_checks_a_table_row_by_row(tmp_path, capsys):
    src = tmp_path / "t.csv"
    src.write_text(HEAD + "general,Alpha,60\ngeneral,Beta,170\n", "utf-8")
    assert main(["validate", str(src)]) == 1
    out = capsys.readouterr()
    assert "t.csv:2: ok (general@2" in out.out
    assert "t.csv:3" in out.err and "factory.equipment.cnc_rate" in out.err


# --------------------------------------------------------------------------- terminal escapes

EVIL = "Evil\x1b]0;pwned\x07\x1b[2JCo\u202e"


def _evil_file(tmp_path) -> Path:
    import yaml

    data = yaml.safe_load(SAMPLE.read_text("utf-8"))
    data["enterprise"]["name"] = EVIL
    data["enterprise"]["region"] = "R\x1b[31mred"
    data["assessor"] = "A\rB"
    path = tmp_path / "evil.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return path


def _on_a_pty(argv: list[str], cwd: Path) -> bytes:
    """Run the CLI with stdout and stderr on a pseudo-terminal (where colour is legitimate)."""
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen([sys.executable, "-m", "maturity", *argv], stdin=subprocess.DEVNULL,
                            stdout=follower, stderr=follower, cwd=cwd, env=env)
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=60)
    os.close(leader)
    return out


@pytest.mark.parametrize("argv", [
    ["report", "evil.yaml"],
    ["score", "evil.yaml"],
    ["score", "evil.yaml", "x.yaml"],
    ["score", "evil.yaml", "x.yaml", "--summary"],
    ["score", "evil.yaml", "x.yaml", "-f", "markdown"],
    ["validate", "evil\x1b[2J.yaml"],
], ids=["report", "score-one", "score-many", "score-summary", "score-markdown", "validate-name"])
def test_escape_sequences_in_data_never_reach_the_terminal(tmp_path, argv):
    evil = _evil_file(tmp_path)
    shutil.copy(SAMPLE, tmp_path / "x.yaml")
    shutil.copy(evil, tmp_path / "evil\x1b[2J.yaml")
    out = _on_a_pty(argv, tmp_path)
    assert b"\x1b]0;pwned" not in out and b"\x1b[2J" not in out and b"\x1b[31mred" not in out
    assert "\u202e".encode() not in out and b"A\rB" not in out
    assert b"\\x1b" in out, "the data is shown, as visible escapes"
    if argv[0] == "report":
        assert b"\x1b[" in out, "a terminal: the report's own colours are there"


@pytest.mark.parametrize("argv", [
    ["score", "evil.yaml", "-f", "csv"],
    ["score", "evil.yaml", "x.yaml", "-f", "jsonl"],
    ["report", "evil.yaml", "-f", "json"],
    ["merge", "evil.yaml", "evil-too.yaml"],
    ["migrate", "evil.yaml", "--to", "general@2"],
], ids=["score-csv", "score-jsonl", "report-json", "merge", "migrate"])
def test_data_formats_written_to_a_terminal_show_escapes_and_stay_exact_in_a_file(tmp_path, monkeypatch,
                                                                                     argv):
    """A user found `score -f csv` recolouring the terminal with an ESC from a name, and
    merge and migrate writing a raw direction override: data is exact in a file or a pipe,
    and escaped on a terminal."""
    evil = _evil_file(tmp_path)
    shutil.copy(evil, tmp_path / "evil-too.yaml")
    shutil.copy(SAMPLE, tmp_path / "x.yaml")
    out = _on_a_pty(argv, tmp_path)
    assert b"\x1b]0;pwned" not in out and b"\x1b[31mred" not in out and "\u202e".encode() not in out
    assert b"Traceback" not in out
    if argv[0] == "score":  # the same data to a file keeps every character
        monkeypatch.chdir(tmp_path)
        target = tmp_path / f"out.{argv[-1]}"
        assert main([*argv, "-o", str(target), "--quiet"]) == 0
        text = target.read_text("utf-8")
        if argv[-1] == "csv":
            assert "R\x1b[31mred" in text
        else:
            import json

            assert json.loads(text.splitlines()[0])["enterprise"]["region"] == "R\x1b[31mred"


# --------------------------------------------------------------------------- one verdict

def _variants() -> dict[str, str]:
    import re

    text = SAMPLE.read_text("utf-8")

    def line(key: str, value: str) -> str:
        out, n = re.subn(rf"(?m)^{key}: .*$", f"{key}: {value}", text, count=1)
        assert n == 1, key
        return out

    return {
        "two-documents": text + "\n---\n" + text,
        "assessor-mapping": line("assessor", "{a: 1}"),
        "assessor-list": line("assessor", "[a, b]"),
        "unknown-language": line("language", "klingon"),
        "notes-list": text.replace("\nnotes:\n", "\nnotes:\n  strategy.talent.training: [a, b]\n", 1),
        "empty-unknown-answer": text.replace("\nanswers:\n", "\nanswers:\n  no.such.question:\n", 1),
        # found by the fuzzer: a file cut inside its format was 'skipped' by validate
        "cut-in-the-format": text[:text.index("format: maturity-") + len("format: maturity-")],
    }


@pytest.mark.parametrize("case", sorted(_variants()))
def test_every_output_format_gives_the_verdict_of_validate(tmp_path, capsys, case):
    path = tmp_path / "case.yaml"
    path.write_text(_variants()[case], "utf-8")
    verdicts = {"validate": main(["validate", str(path)])}
    for fmt in ("table", "json", "jsonl", "csv", "markdown"):
        verdicts[fmt] = main(["score", str(path), "-f", fmt, "-o", str(tmp_path / f"o.{fmt}"), "--quiet"])
    capsys.readouterr()
    assert set(verdicts.values()) == {1}, verdicts


# --------------------------------------------------------------------------- YAML 1.1 surprises

@pytest.mark.parametrize(("key", "value", "words"), [
    ("name", "12345", ["YAML read it as a number, 12345", "quotes exactly as written"]),
    ("id", "91330100", ["YAML read it as a number, 91330100", "quotes exactly as written"]),
    ("region", "NO", ["reads an unquoted", 'quotes ("NO")']),
])
def test_a_profile_field_yaml_reads_as_a_number_or_a_boolean_says_quote_it(tmp_path, capsys, key, value,
                                                                             words):
    import re

    text = SAMPLE.read_text("utf-8")
    if re.search(rf"(?m)^  {key}: ", text):
        text = re.sub(rf"(?m)^  {key}: .*$", f"  {key}: {value}", text, count=1)
    else:
        text = text.replace("\nenterprise:\n", f"\nenterprise:\n  {key}: {value}\n", 1)
    path = tmp_path / "a.yaml"
    path.write_text(text, "utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"enterprise.{key}" in err and all(w in err for w in words), err


def test_a_base_60_number_is_refused_not_read_as_70(tmp_path, capsys):
    import re

    text = re.sub(r"(?m)^  factory.equipment.cnc_rate: .*$", "  factory.equipment.cnc_rate: 1:10",
                  SAMPLE.read_text("utf-8"), count=1)
    path = tmp_path / "a.yaml"
    path.write_text(text, "utf-8")
    for argv in (["validate", str(path)], ["score", str(path), "-f", "jsonl", "-o", str(tmp_path / "o")]):
        assert main(argv) == 1
        assert "factory.equipment.cnc_rate: expected a number, got '1:10'" in capsys.readouterr().err


def test_an_id_with_leading_zeros_is_kept_as_written(tmp_path):
    """YAML 1.1 read ``id: 0123`` as octal 83; it is text now, kept as written."""
    text = SAMPLE.read_text("utf-8").replace("\nenterprise:\n", "\nenterprise:\n  id: 0123\n", 1)
    path = tmp_path / "a.yaml"
    path.write_text(text, "utf-8")
    assert maturity.assess(path).enterprise.id == "0123"


@pytest.mark.parametrize(("written", "read"), [("045", 45), ("0x10", None), ("0b101", None), ("7_4", None)])
def test_a_number_not_written_in_decimal_is_read_as_decimal_or_refused(tmp_path, capsys, written, read):
    """YAML 1.1 reads 045 as octal 37, 0x10 as 16 and 7_4 as 74: a developer's answers file
    scored 37 % for a CNC rate of 45 % and validated "ok".  As in YAML 1.2, 045 is 45;
    the rest is refused with its line."""
    import re

    text = re.sub(r"(?m)^  factory.equipment.cnc_rate: .*$", f"  factory.equipment.cnc_rate: {written}",
                  SAMPLE.read_text("utf-8"), count=1)
    path = tmp_path / "a.yaml"
    path.write_text(text, "utf-8")
    if read is not None:
        assert maturity.assess(path).answers["factory.equipment.cnc_rate"] == read
        return
    for argv in (["validate", str(path)], ["score", str(path), "-f", "jsonl", "-o", str(tmp_path / "o")]):
        assert main(argv) == 1
        assert f"factory.equipment.cnc_rate: expected a number, got '{written}'" in capsys.readouterr().err


def test_a_questionnaire_text_yaml_reads_as_false_says_quote_it(tmp_path, capsys):
    source = (ROOT / "tests" / "data" / "five_kinds.yaml").read_text("utf-8")
    text = source.replace("text: Does the plant run an MES?", "text: No", 1)
    assert text != source
    path = tmp_path / "q.yaml"
    path.write_text(text, "utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert "reads an unquoted" in err and "quotes" in err, err


# --------------------------------------------------------------------------- files and paths

def test_a_new_output_follows_the_umask_and_a_replaced_one_keeps_its_mode(files):
    old = os.umask(0o022)
    try:
        assert main(["score", "x.yaml", "-f", "json", "-o", "new.json"]) == 0
        assert Path("new.json").stat().st_mode & 0o777 == 0o644
        os.chmod("new.json", 0o640)
        assert main(["score", "x.yaml", "-f", "csv", "-o", "new.json"]) == 0  # streamed writer
        assert Path("new.json").stat().st_mode & 0o777 == 0o640
        assert main(["report", "x.yaml", "-o", "new.json", "-f", "json"]) == 0  # whole-file writer
        assert Path("new.json").stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)


@pytest.mark.parametrize("argv", [
    ["score", "x.yaml", "-f", "json", "-o", "/proc/no/such.json"],
    ["report", "x.yaml", "-o", "/proc/no/such.md"],
    ["score", "x.yaml", "y.yaml", "-f", "csv", "-o", "/proc/no/such.csv"],
])
def test_an_unwritable_output_is_a_plain_message(files, capsys, argv):
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "cannot write the output" in err and "internal error" not in err, err


@pytest.mark.parametrize("command", ["validate", "score", "report"])
def test_a_fifo_is_refused_not_waited_on(files, capsys, command):
    os.mkfifo("pipe.yaml")
    assert main([command, "pipe.yaml"]) == 1  # would block forever if it were opened
    assert "not a regular file" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["validate", "score"])
def test_a_dangling_link_in_a_scored_directory_is_reported(files, capsys, command):
    os.symlink("gone.yaml", "d/dangling.yaml")
    assert main([command, "d"]) == 1
    assert "d/dangling.yaml" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["validate", "score"])
def test_a_pipe_or_socket_named_yaml_in_a_scored_directory_is_reported(files, capsys, command):
    """An adversarial tester's folder held a FIFO and a socket named *.yaml: both were skipped
    unsaid, exit 0, while the same pipe named as a path was refused."""
    import socket

    os.mkfifo("d/pipe.yaml")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind("d/sock.yaml")
        assert main([command, "d"]) == 1  # a pipe read would block: it is refused unread
    err = capsys.readouterr().err
    assert "d/pipe.yaml: not a regular file" in err and "d/sock.yaml: not a regular file" in err


@pytest.mark.parametrize("value", ["0", "-1", "x"])
def test_jobs_below_one_is_a_usage_error(files, value):
    with pytest.raises(SystemExit) as exc:
        main(["score", "x.yaml", "--jobs", value])
    assert exc.value.code == 2


def test_jobs_are_capped_at_the_inputs_and_the_cores(files, capsys, monkeypatch):
    """A consultant read 'the number of cores and of inputs, 65' for 199 inputs: the count
    stops past --jobs, so it names the inputs only where they are what caps the pool."""
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    assert main(["score", "x.yaml", "y.yaml", "--jobs", "1000", "-f", "jsonl", "-o", "o.jsonl"]) == 0
    assert "--jobs 1000: using 2 (the number of inputs)" in capsys.readouterr().err
    assert main(["score", "d", "x.yaml", "y.yaml", "--jobs", "2", "-f", "jsonl", "-o", "o.jsonl"]) == 0
    assert capsys.readouterr().err == ""  # three inputs, four cores: two workers, nothing to say
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert main(["score", "x.yaml", "y.yaml", "--jobs", "3", "-f", "jsonl", "-o", "o.jsonl"]) == 0
    assert "--jobs 3: using 1 (the number of cores)" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["validate", "-"], ["report", "-", "-f", "json"], ["score", "-"]])
def test_stdin_is_read_by_every_command(files, capsys, monkeypatch, command):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SAMPLE.read_bytes())))
    assert main(command) == 0
    assert capsys.readouterr().out


@pytest.mark.parametrize("command", [["validate", "-"], ["report", "-", "-f", "json"],
                                     ["score", "-", "-f", "csv"], ["score", "-", "-f", "json"]])
def test_stdin_over_the_size_limit_is_refused_by_every_command(files, capsys, monkeypatch, command):
    """`score -` took a 9 MB input (comments padding a valid file) that validate and report
    refused: one verdict, and no more than the limit read into memory."""
    import io
    import sys

    from maturity._read import MAX_BYTES

    padded = SAMPLE.read_bytes() + b"#" * (MAX_BYTES + 10)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(padded)))
    assert main(command) == 1
    assert "the limit is 8,388,608" in capsys.readouterr().err


# --------------------------------------------------------------------------- shared state

def test_changing_a_loaded_questionnaire_never_changes_later_loads():
    import maturity

    q = maturity.load_questionnaire("general")
    dims, scenarios, questions = len(q.dimensions), len(q.scenarios), len(q.questions)
    q.dimensions.pop()
    q.scenarios.clear()
    q.dimensions[0].indicators[0].questions.clear()
    again = maturity.load_questionnaire("general")
    assert (len(again.dimensions), len(again.scenarios), len(again.questions)) == (dims, scenarios, questions)
    with pytest.raises(Exception, match="frozen"):
        again.id = "changed"  # type: ignore[misc]
    # and the engine's own cache is untouched: a batch row still scores the sample
    from maturity.batch import score_path

    assert score_path(str(SAMPLE)).ok


def test_results_are_deeply_immutable():
    import copy
    import pickle

    import maturity

    q = maturity.load_questionnaire("general")
    a = maturity.assess(q, maturity.load_answers(SAMPLE))
    d = maturity.diagnose(a, q)
    attempts = [
        lambda: a.dimensions.append(a.dimensions[0]),  # type: ignore[attr-defined]
        lambda: a.answers.__setitem__("x", 1),
        lambda: a.answers.pop("factory.equipment.cnc_rate"),
        lambda: a.level_scores.__setitem__(0, 99.0),  # type: ignore[index]
        lambda: a.dimensions[0].indicators[0].questions.clear(),  # type: ignore[attr-defined]
        lambda: d.recommendations.append(d.recommendations[0]),  # type: ignore[attr-defined]
        lambda: setattr(a, "level", 5),
        # an answer's own ratings and options: a checklist's mapping and a multiple choice's
        # list were plain, and changing them changed the frozen assessment in place
        lambda: a.answers["strategy.lean.practices"].__setitem__("five_s", "not"),
        lambda: a.answers["strategy.talent.roles"].append("ai"),
        lambda: a.answers["strategy.talent.roles"].sort(),
    ]
    for attempt in attempts:
        with pytest.raises((TypeError, AttributeError, ValueError)):
            attempt()
    # still plain data: copies, pickles and JSON round trips give equal results
    assert copy.deepcopy(a) == a and pickle.loads(pickle.dumps(a)) == a
    assert maturity.Assessment.model_validate_json(a.model_dump_json()) == a


@pytest.mark.parametrize("value", ["Machine tools", "机床"])
def test_a_profile_id_not_written_as_an_id_says_how_ids_are_written(tmp_path, capsys, value):
    """A consultant's 'Machinery' and a Chinese '机械' got pydantic's "String should match
    pattern '^[a-z][a-z0-9_\\-]*$'"; 'mechanical' got the known ids.  (A table now reads
    an industry's own name, 'Machinery' or '机械', as its id: these are no index's names.)"""
    table = f"questionnaire,enterprise.name,enterprise.industry\ngeneral@2,A,{value}\n"
    code, err, _ = _score_csv(tmp_path, table, capsys)
    assert code == 1 and f"in.csv:2:3: enterprise.industry: {value!r} is not an id" in err, err
    assert "should match pattern" not in err and "machinery (" in err  # the index's own ids


# --------------------------------------------------------------------------- validate

HEADER = "format: maturity-answers/1\nquestionnaire: general@2\nenterprise:\n  name: {name}\n" \
         "  industry: machinery\nanswers:\n"
PAIR = HEADER.format(name="Pair Co") + "  factory.equipment.automation: 3\n  factory.equipment.cnc_rate: 20\n"


def test_validate_reads_standard_input_once(tmp_path, capsys, monkeypatch):
    """``validate - < f.yaml`` of a valid file whose answers set off a consistency check
    said "ok", then "-:1: file is empty" (it read standard input again to locate the
    warning), exit 1; the warning never came."""
    import io

    monkeypatch.setattr("sys.stdin", type("In", (), {"buffer": io.BytesIO(PAIR.encode())})())
    assert main(["validate", "-"]) == 0
    err = capsys.readouterr().err
    assert "-:8: answers.factory.equipment.cnc_rate: warning:" in err and "empty" not in err, err


def test_validate_says_which_answers_are_ignored(tmp_path, capsys):
    """An answer to a follow-up its question does not open is not scored: validate said only
    "ok" where the answers format promises a warning."""
    src = tmp_path / "f.yaml"
    src.write_text(HEADER.format(name="Follow Co") + "  operations.execution.mes: no\n"
                   "  operations.execution.mes_use:\n    work_orders: fully\n", "utf-8")
    assert main(["validate", str(src)]) == 0
    err = capsys.readouterr().err
    assert f"{src}:8: answers.operations.execution.mes_use: warning: " in err and "not counted" in err, err
    assert main(["validate", "--lang", "zh", str(src)]) == 0  # in the reader's language
    assert "未计入" in capsys.readouterr().err


def test_a_newline_in_a_name_or_a_file_name_makes_no_second_line(tmp_path, capsys):
    """A name "Tiny Co\\nL5  4.99 / 5 …" showed a fake L5 row in the batch table; a file
    named with newlines showed a fake "ok" line."""
    spoof = tmp_path / "spoof.yaml"
    spoof.write_text(HEADER.format(name='"Tiny Co\\nL5   4.99 / 5   Model Factory Co"')
                     + "  strategy.planning.roadmap: 1\n", "utf-8")
    assert main(["score", str(spoof), str(SAMPLE)]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) == 3 and "Tiny Co\\x0aL5" in rows[1], rows  # the heading and two rows
    odd = tmp_path / "bad\ngood.yaml: ok\nx.yaml"
    odd.write_text(PAIR.replace("cnc_rate: 20", "cnc_rate: abc"), "utf-8")
    assert main(["validate", str(odd)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and "bad\\x0agood.yaml: ok\\x0ax.yaml:8:" in lines[0], lines


def test_a_long_cell_is_read_and_the_rows_after_it_are_scored(tmp_path, capsys):
    """A 140,000-character name stopped the table at csv's 128 KiB field limit with "is a
    closing quote missing?" (there was no quote) and the two rows after it were never
    scored; YAML took the same name."""
    code, err, rows = _score_csv(tmp_path, HEAD + "general,Alpha,60\ngeneral," + "L" * 140_000
                                 + ",70\ngeneral,Gamma,80\n", capsys)
    assert code == 0 and len(rows) == 3 and "quote" not in err, err


@pytest.mark.parametrize("argv", [
    ["score", "x.yaml", "-f", "json", "-o", "results/"],  # was written as a file "results"
    ["score", "x.yaml", "-f", "json", "-o", "d"],          # an existing folder
    ["report", "x.yaml", "y.yaml", "-o", "plain"],         # "internal error: FileExistsError"
    ["report", "x.yaml", "y.yaml", "-o", "x.yaml"],
], ids=lambda argv: " ".join(argv))
def test_a_file_where_a_folder_is_meant_or_the_other_way_round_is_a_usage_error(files, capsys, argv):
    Path("plain").write_text("keep")
    before = {p: p.read_bytes() for p in Path(".").rglob("*") if p.is_file()}
    assert main(argv) == 2
    assert "-o " in capsys.readouterr().err
    assert {p: p.read_bytes() for p in Path(".").rglob("*") if p.is_file()} == before
    assert not Path("results").exists()


def test_validate_warns_a_table_row_as_it_warns_an_answers_file(tmp_path, capsys):
    """The same implausible pair in a CSV row said only "ok", in YAML it was warned about."""
    src = tmp_path / "pair.csv"
    src.write_text("questionnaire,enterprise.name,enterprise.industry,factory.equipment.automation,"
                   "factory.equipment.cnc_rate\ngeneral@2,Pair Co,machinery,3,20\n", "utf-8")
    assert main(["validate", str(src)]) == 0
    out, err = capsys.readouterr()
    assert f"{src}:2: ok" in out
    assert f"{src}:2:5: answers.factory.equipment.cnc_rate: warning:" in err and "(column E)" in err, err


def test_an_output_through_dev_is_written_in_place_and_keeps_a_redirected_log(tmp_path):
    """``-o /dev/stderr`` with standard error redirected to a log replaced the /dev/stderr
    link with a file for every process; the same through a link of one's own replaced the
    log, and opening it for writing wiped its earlier lines.  Checked through a link in a
    temporary folder, so that a failure cannot touch the real /dev/stderr."""
    import subprocess
    import sys

    if not Path("/dev/stderr").exists():
        pytest.skip("no /dev/stderr here")
    os.symlink("/dev/stderr", tmp_path / "errlink")
    log = tmp_path / "log.txt"
    log.write_text("earlier line\n")
    with open(log, "a") as err:
        done = subprocess.run([sys.executable, "-m", "maturity", "score", str(SAMPLE), "-f", "json",
                               "-o", str(tmp_path / "errlink")], stderr=err, cwd=tmp_path, check=False)
    assert done.returncode == 0
    assert (tmp_path / "errlink").is_symlink()
    text = log.read_text()
    assert text.startswith("earlier line\n") and '"ok": true' in text, text[:300]


def test_a_link_into_a_missing_folder_is_refused_not_made(files, capsys):
    """A link to ghost/deep/r.html as -o made the folders ghost/deep, where -o ghost/r.html
    is refused: a mistyped folder is never created."""
    os.symlink("ghost/deep/r.html", "rep.html")
    assert main(["report", "x.yaml", "-o", "rep.html"]) == 1
    assert "no existing folder" in capsys.readouterr().err
    assert not Path("ghost").exists()


@pytest.mark.parametrize(("typed", "written"), [
    ("A &amp; B", "A \\&amp; B"), ("&lt;b&gt;", "\\&lt;b\\&gt;"), ("R&D", "R&D"),
    ("Q&A; done", "Q\\&A; done")])
def test_a_character_reference_in_user_text_renders_as_typed_in_markdown(typed, written):
    """An adversarial tester's enterprise name "&amp;" rendered as "&" in the Markdown report."""
    from maturity.printable import markdown_text

    assert markdown_text(typed) == written
