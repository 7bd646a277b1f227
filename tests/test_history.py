"""History over many assessments (``maturity.history``, ``maturity history``): one
enterprise, matched by id else by name, ordered by date; mixed indices refused with the
reason; a table in the terminal and Markdown, a line chart in HTML."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import maturity

from .test_cli import run

EXAMPLE = Path(__file__).resolve().parent.parent / "docs" / "examples" / "machinery-plant.yaml"


def _year(folder: Path, year: int, *, cnc: int = 74, name: str | None = None, date: bool = True) -> Path:
    """The example plant assessed in ``year`` (another CNC rate, name, or no date)."""
    text = EXAMPLE.read_text("utf-8").replace("cnc_rate: 74", f"cnc_rate: {cnc}")
    lines = []
    for line in text.splitlines():
        if line.startswith("assessed_on:"):
            line = f"assessed_on: {year}-05-12" if date else ""
        if line.startswith("  name:") and name is not None:
            line = f"  name: {json.dumps(name)}"
        lines.append(line)
    path = folder / f"{year}{'-' + name[:3] if name else ''}.yaml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_the_points_are_the_assessments_in_date_order(tmp_path):
    paths = [_year(tmp_path, 2026), _year(tmp_path, 2024, cnc=20), _year(tmp_path, 2025, cnc=50)]
    assessments = [maturity.assess(p) for p in paths]
    h = maturity.history(assessments, [p.name for p in paths])
    assert [p.assessed_on.year for p in h.points] == [2024, 2025, 2026]
    assert [p.source for p in h.points] == ["2024.yaml", "2025.yaml", "2026.yaml"]
    by_year = {a.assessed_on.year: a for a in assessments}
    for p in h.points:
        a = by_year[p.assessed_on.year]
        assert (p.level, p.score) == (a.level, a.score)
        assert [(d.id, d.score) for d in p.dimensions] == [(d.id, d.score) for d in a.dimensions]
    assert h.points[0].score < h.points[-1].score  # CNC rate 20 → 74


def test_other_enterprises_missing_dates_and_mixed_versions_are_refused_with_the_reason(tmp_path):
    one, other = _year(tmp_path, 2024), _year(tmp_path, 2025, name="Other Works")
    with pytest.raises(maturity.UsageError, match="different enterprises"):
        maturity.history([maturity.assess(p) for p in (one, other)])
    undated = _year(tmp_path, 2023, date=False)
    with pytest.raises(maturity.UsageError, match="no assessed_on"):
        maturity.history([maturity.assess(p) for p in (one, undated)])
    old = maturity.assess(maturity.load_questionnaire("general@1"), {})
    new = maturity.assess(one)
    old = old.model_copy(update={"enterprise": new.enterprise, "assessed_on": new.assessed_on})
    with pytest.raises(maturity.UsageError, match="general@1, general@2: scores of different"):
        maturity.history([old, new])


def test_the_cli_gives_one_history_per_enterprise_and_escapes_names(capsys, tmp_path):
    odd = "<b>X</b>\x1b[2J"
    paths = [_year(tmp_path, 2024, cnc=20), _year(tmp_path, 2026), _year(tmp_path, 2025, name=odd)]
    code, out, err = run(capsys, "history", *map(str, paths), "--lang", "en")
    assert code == 0, err
    assert "2 assessments, 2024-05-12 to 2026-05-12" in out and "1 assessments" in out
    assert "\x1b[2J" not in out and "\\x1b[2J" in out
    code, out, err = run(capsys, "history", *map(str, paths), "-f", "html", "--lang", "en")
    assert code == 0, err
    assert out.count("<svg") == 2 and "<b>X</b>" not in out and "&lt;b&gt;X&lt;/b&gt;" in out
    polyline = out[out.index("<polyline"):].split('points="')[1].split('"')[0]
    assert len(polyline.split()) == 2  # one point per assessment
    code, out, err = run(capsys, "history", *map(str, paths[:2]), "-f", "json")
    data = json.loads(out)
    assert [p["assessed_on"] for p in data[0]["points"]] == ["2024-05-12", "2026-05-12"]
    code, out, err = run(capsys, "history", *map(str, paths[:2]), "-f", "markdown", "--lang", "en")
    assert "| Grade | L2 " in out and out.count("\n| ") == 7  # header and grade + 5 dimensions


def test_a_group_that_cannot_be_a_history_is_an_error_and_the_rest_still_shown(capsys, tmp_path):
    dated, undated = _year(tmp_path, 2024), _year(tmp_path, 2023, date=False)
    other = _year(tmp_path, 2025, name="Other Works")
    code, out, err = run(capsys, "history", str(dated), str(undated), str(other), "--lang", "en")
    assert code == 1 and "no assessed_on" in err and "Other Works" in out


def test_the_report_carries_the_history_given_with_it(capsys, tmp_path):
    old, mid, new = _year(tmp_path, 2024, cnc=20), _year(tmp_path, 2025, cnc=50), _year(tmp_path, 2026)
    code, out, err = run(capsys, "report", str(new), "--history", str(old), str(mid), "-f", "markdown",
                         "--lang", "en")
    assert code == 0, err
    assert "## History" in out and "| Grade | L2 " in out and "2024-05-12 | 2025-05-12 | 2026-05-12" in out
    code, out, err = run(capsys, "report", str(new), "--history", str(old), "-f", "html", "--lang", "en")
    assert code == 0 and 'id="history"' in out and "<polyline" in out, err
    code, out, err = run(capsys, "report", str(new), "-f", "markdown", "--lang", "en")
    assert "## History" not in out  # none without earlier assessments
    other = _year(tmp_path, 2023, name="Other Works")
    code, _, err = run(capsys, "report", str(new), "--history", str(other))
    assert code != 0 and "different enterprises" in err
    folder = str(tmp_path / "out") + "/"
    code, _, err = run(capsys, "report", str(new), str(mid), "-o", folder, "--history", str(old))
    assert code != 0 and "--history goes with one answers file" in err


def test_a_name_with_newlines_makes_no_fake_line_in_the_history(tmp_path, capsys):
    """An adversarial tester's enterprise name "Acme\\n╰──╯\\nL5 Excellent   Score 5.00 / 5"
    printed a fake grade line under the history's title."""
    sample = (Path(__file__).resolve().parents[1] / "docs" / "examples" / "machinery-plant.yaml")
    text = sample.read_text("utf-8")
    start = text.index("  name:")
    path = tmp_path / "nn.yaml"
    path.write_text(text[:start] + '  name: "Acme\\nL5 Excellent   Score 5.00 / 5"'
                    + text[text.index("\n", start):], "utf-8")
    code, out, _ = run(capsys, "history", str(path))
    assert code == 0 and "Acme\\x0aL5 Excellent" in out
    assert not any(line.lstrip().startswith("L5 Excellent") for line in out.splitlines())


def test_the_chart_spaces_dates_by_time_and_its_legend_can_be_told_apart(tmp_path):
    """A consultant's chart drew 2025-03 → 2026-06 → 2026-09 as equal steps, and the page's
    stylesheet (``svg text { fill: ink }``) turned every legend name the same ink."""
    import re

    from maturity.report.history import chart

    paths = [_year(tmp_path, y) for y in (2022, 2023, 2026)]  # one year, then three
    assessments = [maturity.assess(p) for p in paths]
    h = maturity.history(assessments)
    svg = chart(h, maturity.load_questionnaire("general"), "en")
    dates = [float(x) for x in re.findall(r'<text x="([\d.]+)"[^>]*>20\d\d-05-12</text>', svg)]
    assert len(dates) == 3
    first, second = dates[1] - dates[0], dates[2] - dates[1]
    assert abs(second / first - (366 + 365 + 365) / 365) < 0.01  # 2023 → 2026: three years, one leap day
    # each series' colour is a swatch beside its name; no text relies on its own fill
    swatches = re.findall(r'<line [^>]*stroke="(#[0-9a-f]{6})"[^>]*stroke-width', svg)
    assert len(set(swatches)) == 1 + len(h.dimensions)
    assert not re.search(r'<text [^>]*fill="#(?!555)', svg)
