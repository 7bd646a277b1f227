"""The whole assessment through Pilot: start, every kind of question, n/a, notes, back and
forward, results and export; resume; a corrupt autosave; the same score as the library."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

import maturity
from maturity.i18n import t
from maturity.report import markdown
from maturity.session import Session, list_sessions
from maturity.tui.screens.question import CHECK_AFTER, QuestionScreen
from maturity.tui.screens.result import ResultScreen
from maturity.tui.screens.welcome import WelcomeScreen

from .helpers import SIZE, example_answers, make_app, open_result, start, text_of

LVL, NUM, MULTI, CHECK, YN, FU = (
    "ops.plan.lvl", "ops.plan.num", "ops.data.multi", "ops.data.check", "sys.mes.yn", "sys.mes.fu")


def _text(renderable) -> str:
    from rich.console import Console

    console = Console(width=80, record=True, file=open(os.devnull, "w"))  # noqa: SIM115
    console.print(renderable)
    return console.export_text()


def on_disk(session: Session) -> dict:
    """The autosave as `maturity score` reads it."""
    return maturity.load_answers(session.path).answers


async def test_the_whole_flow_answers_every_kind_and_exports(data_dir):
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot, "Pilot Works", industry="machinery", size="small")
        state = app.state
        assert state.session.enterprise["production_type"] == "discrete", "the industry's usual type"
        assert state.asked() == [LVL, NUM, MULTI, CHECK, YN], "the follow-up waits for a yes"
        assert screen.current == LVL

        # level: the arrow keys and Enter choose and move on; every change is on disk at once
        await pilot.press("down", "down", "enter")
        assert state.session.answers[LVL] == 2 and on_disk(state.session)[LVL] == 2
        assert screen.current == NUM
        # number: checked as typed with the scoring's own rules; Enter moves on
        await pilot.press(*"250")
        assert NUM not in state.session.answers, "out of range is not kept"
        assert "0 to 100" in str(screen.query_one("#number-error").render())
        # a decimal comma says how to write it (it read "please enter a number from 0 to
        # 100" for 2,5, which is one: a first-time user)
        await pilot.press("backspace", "backspace", "backspace", *"72,5")
        assert NUM not in state.session.answers
        assert "write the decimal mark as a point, 72.5" in str(screen.query_one("#number-error").render())
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"72.5")
        assert on_disk(state.session)[NUM] == 72.5
        # notes for evidence (F2 goes to the field)
        await pilot.press("f2", *"counted on the floor")
        assert maturity.load_answers(state.session.path).notes[NUM] == "counted on the floor"
        await pilot.press("enter")  # Enter in the notes moves on too
        assert screen.current == MULTI
        # multi-select: Space ticks, Enter is done
        await pilot.press("space", "down", "down", "space", "enter")
        assert state.session.answers[MULTI] == ["design", "quality"]
        assert screen.current == CHECK
        # checklist: → rates the first item, a digit rates, ↓ moves, Enter goes on
        await pilot.press("right", "down", "2", "down", "4", "left")
        assert state.session.answers[CHECK] == {"records": "fully", "spc": "mostly", "trace": "partly"}
        await pilot.press("enter")
        assert screen.current == YN
        # yes/no: Y answers and opens the follow-up, which comes next
        await pilot.press("y")
        assert state.session.answers[YN] is True
        assert state.asked()[-1] == FU
        # the question's number and the progress count the follow-up at once (the
        # English first-time user read "34/59" above "34/60")
        total = len(state.asked())
        assert str(screen.query_one("#crumb").render()).endswith(f"question {total - 1} of {total}")
        assert f"/{total} · " in str(screen.query_one("#progress-text").render())
        await pilot.press("enter")
        assert screen.current == FU
        await pilot.press("3")
        # back and forward keep every answer
        for _ in range(3):
            await pilot.press("pageup")
        assert screen.current == MULTI
        assert screen.answer.answer() == ["design", "quality"]
        await pilot.press("pagedown", "pagedown")
        assert screen.current == YN
        # n/a where allowed: the follow-up closes again
        na = screen.query_one("#na")
        assert na.display
        na.value = True
        await pilot.pause()
        assert on_disk(state.session)[YN] == "n/a"
        assert FU not in state.asked()
        # the index shows progress per dimension and marks
        tree = screen.query_one("#tree")
        assert str(tree._dims["ops"].label).endswith("4/4")
        assert str(tree._leaves[YN].label).startswith("–")
        # results (the diagnosis runs in a worker), then every export
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, ResultScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        result = app.screen
        assert result.report is not None and result.report.enterprise == "Pilot Works"
        assert "Pilot Works" in str(result.query_one("#who").render())
        # what the grade was weighted and the advice chosen for, under the name
        assert str(result.query_one("#who-profile").render()) == "Machinery · Discrete manufacturing · small"
        said = []
        for key in ("m", "h", "j", "a"):
            await pilot.press(key)
            await pilot.pause(0.2)
            said.append(str(result.query_one("#export-status").render()))
        # each export is said on the line above the keys, with its whole path; no toast
        # covers the report
        assert [s.split("\n", 1)[0] for s in said] == [
            f"{t('tui_export_' + w, 'en')} saved:" for w in ("markdown", "html", "json", "answers")]
        assert said[0].endswith("Pilot_Works.md") and str(data_dir) in said[0], said[0]
        assert not [n.message for n in app._notifications if "saved" in n.message]
        # a second export of the same kind never replaces the first (a re-assessment a year
        # later replaced last year's file, unsaid)
        await pilot.press("a")
        await pilot.pause(0.2)
        assert str(result.query_one("#export-status").render()).endswith("Pilot_Works-2.yaml")
    exports = data_dir / "exports"
    assert (exports / "Pilot_Works.yaml").read_bytes() == (exports / "Pilot_Works-2.yaml").read_bytes()
    assert "Pilot Works" in (exports / "Pilot_Works.md").read_text("utf-8")
    assert "<html" in (exports / "Pilot_Works.html").read_text("utf-8").lower()
    assert json.loads((exports / "Pilot_Works.json").read_text("utf-8"))["assessment"]["level"] >= 0
    exported = maturity.load_answers(exports / "Pilot_Works.yaml")
    assert exported.answers == maturity.load_answers(state.session.path).answers
    assert exported.notes == {NUM: "counted on the floor"}
    assert exported.assessed_on.isoformat() == "2026-11-02"


async def test_resume_after_closing_mid_way_gives_identical_answers():
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot, "续作测试")
        await pilot.press("1", "enter", *"40", "f2", *"抽查", "enter", "space")
        before = (dict(app.state.session.answers), dict(app.state.session.notes))
        position = app.state.session.position
    assert position == MULTI
    # a new run of `maturity` offers the session and resumes exactly there
    sessions, corrupt = list_sessions()
    assert [(s.enterprise, s.answered, s.total) for s in sessions] == [("续作测试", 3, 5)] and not corrupt
    app2 = make_app(questionnaire=None, lang="en")
    async with app2.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app2.screen, WelcomeScreen)
        assert app2.focused is not None and app2.focused.id == "resume", "resuming is one Enter away"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app2.screen, QuestionScreen)
        assert (app2.state.session.answers, app2.state.session.notes) == before
        assert app2.screen.current == position
        assert app2.lang == "zh", "the session's language comes back too"
        assert app2.screen.answer.answer() == ["design"]


async def test_a_corrupt_autosave_is_reported_and_kept_aside(data_dir):
    folder = data_dir / "sessions"
    folder.mkdir(parents=True)
    (folder / "broken.yaml").write_text("format: maturity-answers/1\nanswers: [\n", "utf-8")
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        messages = [n.message for n in app._notifications]
        assert any("moved aside, not deleted" in m and "broken.yaml.corrupt-20261102-093000" in m
                   for m in messages), messages
        await start(app, pilot, "Still Works")  # and the user can go on
    assert not (folder / "broken.yaml").exists()
    kept = folder / "broken.yaml.corrupt-20261102-093000"
    assert kept.read_text("utf-8") == "format: maturity-answers/1\nanswers: [\n", "kept as it was"


async def test_the_tuis_answers_file_scores_like_the_library():
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot, "一致性测试", industry="steel")
        await pilot.press("3", "enter", *"95", "enter", "space", "down", "space", "enter",
                          "1", "down", "1", "down", "2", "enter", "y", "enter", "2")
        provisional = app.state.assessment()
        path = app.state.session.path
        answers_in_tui = {q: app.state.session.answers[q] for q in app.state.asked()}
    answers = maturity.load_answers(path)
    assert answers.answers == answers_in_tui
    q = maturity.questionnaire_for(answers)
    library = maturity.assess(q, answers)
    same = maturity.assess(q, {"format": "maturity-answers/1", "questionnaire": "tui_kinds@1",
                               "enterprise": {"name": "一致性测试", "industry": "steel",
                                              "production_type": "process"},
                               "answers": answers_in_tui})
    assert library.model_dump() == provisional.model_dump()
    assert (library.level, library.score) == (same.level, same.score)
    from maturity.batch import score_path

    row = score_path(str(path))  # what `maturity score` does with the file
    assert row.ok and row.level == library.level and row.score == pytest.approx(library.score)


async def test_switch_language_keeps_the_answers_and_the_place():
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press("2", "enter")
        answers = dict(app.state.session.answers)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.lang == "zh" and app.state.session.language == "zh"
        assert app.state.session.answers == answers
        assert isinstance(app.screen, QuestionScreen) and app.screen.current == NUM
        assert "联网设备" in text_of(app.screen.query_one("#qtext"))
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+l")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen) and app.screen.report.lang == "en"


async def test_welcome_keeps_what_was_typed_when_the_language_changes():
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#name").value = "Typed Works"
        app.screen.query_one("#region").value = "Zhejiang"
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.lang == "zh"
        assert app.screen.query_one("#name").value == "Typed Works"
        assert app.screen.query_one("#region").value == "Zhejiang"


async def test_the_name_is_required():
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#start").press()
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert app.focused.id == "name"
        assert any("enterprise name" in n.message for n in app._notifications)


async def test_skip_goes_to_the_next_unanswered_question():
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        await pilot.press("pagedown", "pagedown", "space", "enter")  # answer the multi only
        await screen.go(LVL)
        await pilot.press("ctrl+k")
        assert screen.current == NUM
        await screen.go(NUM)
        await pilot.press("ctrl+k")
        assert screen.current == CHECK, "the answered multi is skipped"


async def test_answers_option_resumes_from_and_saves_to_that_file(tmp_path):
    s = Session(questionnaire="tui_kinds@1", language="en", enterprise={"name": "File Works"},
                answers={LVL: 1})
    target = tmp_path / "mine.yaml"
    target.write_text(s.text(), "utf-8")
    app = make_app(questionnaire=None, answers=str(target))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.current == NUM, "a plain answers file resumes at its first unanswered question"
        await pilot.press(*"60")
    assert maturity.load_answers(target).answers == {LVL: 1, NUM: 60}
    assert maturity.load_answers(app.state.session.path).answers == {LVL: 1, NUM: 60}


async def test_an_unreadable_answers_file_is_reported_and_never_overwritten(tmp_path):
    target = tmp_path / "theirs.yaml"
    target.write_text("format: [broken\n", "utf-8")
    app = make_app(answers=str(target))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert any("will not be overwritten" in n.message for n in app._notifications)
        await start(app, pilot)
        await pilot.press("1")
    assert target.read_text("utf-8") == "format: [broken\n"


async def test_save_as_writes_a_copy(tmp_path):
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press("2")
        await pilot.press("ctrl+s")
        await pilot.pause()
        field = app.screen.query_one("#save-as-path")
        assert field.value == "Pilot_Works-answers.yaml"
        field.value = str(tmp_path / "copy.yaml")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
    assert maturity.load_answers(tmp_path / "copy.yaml").answers == {LVL: 2}


async def test_save_as_asks_before_it_replaces_a_file(tmp_path):
    """A user's existing file was replaced by Save as without a word."""
    precious = tmp_path / "important.yaml"
    precious.write_text("precious\n", "utf-8")
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press("2", "ctrl+s")
        await pilot.pause()
        app.screen.query_one("#save-as-path").value = str(precious)
        await pilot.press("enter")
        await pilot.pause()
        assert precious.read_text("utf-8") == "precious\n"  # not yet: said, and asked again
        assert "exists: Enter again replaces it" in str(app.screen.query_one("#save-as-hint").render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen) and precious.read_text("utf-8") == "precious\n"
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.query_one("#save-as-path").value = str(precious)
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert any(str(precious) in n.message for n in app._notifications)  # where, in full
    assert maturity.load_answers(precious).answers == {LVL: 2}


async def test_command_palette_shows_unanswered_and_jumps():
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        await pilot.press("1", "enter", *"10", "enter")  # answer the first two
        await screen.go(LVL)
        await pilot.press("ctrl+p")
        await pilot.press(*"unanswered")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.current == MULTI
        # jump to a question by a word of its text
        await pilot.press("ctrl+p")
        await pilot.press(*"MES")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.current == YN


def test_serve_without_the_extra_says_how_to_install(capsys, monkeypatch):
    import sys

    from maturity.cli import main

    monkeypatch.setitem(sys.modules, "textual_serve", None)
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    assert main(["serve"]) == 2
    assert "pip install 'maturity[serve]'" in capsys.readouterr().err


def test_the_autosave_is_a_plain_answers_file(data_dir):
    s = Session(questionnaire="tui_kinds@1", language="en", enterprise={"name": "Plain"},
                answers={LVL: 2}, position=NUM)
    s.save()
    text = s.path.read_text("utf-8")
    assert text.startswith("# maturity-session: ")
    assert yaml.safe_load(text)["format"] == "maturity-answers/1"


async def test_the_index_opens_on_the_current_question_and_jumps():
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(app, pilot)
        tree = screen.query_one("#tree")
        assert not tree.display, "hidden at 80 columns"
        await pilot.press("ctrl+t")
        assert tree.display and app.focused is tree and tree.cursor_node.data == LVL
        # an indicator with several questions is a node of its own: lvl, num, then the node
        # of ops.data, then its multi
        assert tree.cursor_node.parent.data is None and "ops.data" not in str(tree.cursor_node.label)
        await pilot.press("down", "down", "down", "enter")
        assert screen.current == MULTI and app.focused is screen.answer


async def test_a_checklist_item_that_allows_it_can_be_rated_na(data_dir):
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot, "Pilot Works", industry="machinery", size="small")
        state = app.state
        await pilot.press("enter")  # level: not yet
        await pilot.press(*"50", "enter")
        await pilot.press("enter")  # multi: nothing ticked
        assert screen.current == CHECK
        # "5" means n/a only on an item that allows it (records does not, spc does); where it
        # does not, a note says so (a first-time user found it silently ignored)
        await pilot.press("5")
        await pilot.pause()
        assert CHECK not in state.session.answers
        assert any("cannot be n/a" in str(n.message) for n in app._notifications)
        await pilot.press("1", "down", "5")
        assert on_disk(state.session)[CHECK] == {"records": "fully", "spc": "n/a"}
        # the TUI shows it as chosen when the question is opened again
        await pilot.press("pageup", "pagedown")
        assert screen.answer.ratings == {"records": "fully", "spc": "n/a"}


async def test_a_checklist_rated_in_part_opens_on_its_first_unrated_item(data_dir):
    """A first-time user who quit halfway through a checklist came back to item 1."""
    from maturity.tui.widgets.checklist import RatingRow

    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot, "Pilot Works", industry="machinery", size="small")
        await screen.go(CHECK)
        await pilot.pause()
        await pilot.press("1")  # the first item rated, the rest not
        await pilot.pause()
        await screen.go(CHECK)  # opened again, as after a restart
        await pilot.pause()
        focused = app.focused
        assert isinstance(focused, RatingRow) and focused.rating is None
        assert focused is list(screen.answer.query(RatingRow))[1]


async def test_plus_marks_the_next_level_as_true_in_part_of_the_plant(data_dir):
    """``2`` then ``+``: saved as ``2+``, shown as ``● 2+``, kept on return; ``+`` again undoes it."""
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        assert screen.current == LVL
        await pilot.press("2", "+")
        assert on_disk(app.state.session)[LVL] == "2+"
        saved = maturity.load_answers(app.state.session.path)
        assert maturity.assess(app.state.q, saved).answers[LVL] == "2+"
        await pilot.press("enter")  # Enter keeps the highlighted level's answer
        assert screen.current == NUM
        await pilot.press("pageup")
        assert screen.current == LVL
        assert screen.answer.value == "2+"
        prompts = [_text(screen.answer.get_option_at_index(n).prompt)
                   for n in range(len(screen.answer.choices))]
        assert prompts[2].startswith("● 2+") and prompts[1].startswith("○ 1 "), prompts
        await pilot.press("+")
        assert on_disk(app.state.session)[LVL] == 2
        await pilot.press("3", "+")  # the top level has no level above it: nothing changes
        assert on_disk(app.state.session)[LVL] == 3


async def test_the_welcome_form_asks_the_main_product_where_the_index_has_kinds():
    """The product kind decides which scenarios fit; the SME index has none and does not ask."""
    app = make_app(questionnaire="general", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        kind = app.screen.query_one("#product_kind")
        assert kind.display  # and "parts" is one of its options: setting it below would raise
        await start(app, pilot, "Kind Works", industry="machinery", product_kind="parts")
        assert app.state.session.enterprise["product_kind"] == "parts"
        saved = maturity.load_answers(app.state.session.path)
        assert saved.enterprise.product_kind == "parts"
    await _the_sme_index_does_not_ask("product_kind")


async def test_control_characters_in_a_saved_name_are_shown_not_obeyed(data_dir):
    """A session whose enterprise name carries terminal escapes lists them as visible text."""
    Session(questionnaire="tui_kinds@1", language="en", enterprise={"name": "Evil\x1b]0;pwned\x07Co"},
            answers={LVL: 1}).save()
    app = make_app(questionnaire=None, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        resume = app.screen.query_one("#resume")
        line = _text(resume.get_option_at_index(0).prompt)
        assert "\x1b" not in line and "\x07" not in line
        assert "Evil\\x1b]0;pwned\\x07Co" in line


async def test_a_session_open_elsewhere_is_offered_read_only_or_as_a_copy(data_dir):
    """#11: two TUIs on one session, the last save won. The second one now may open it
    read-only (nothing saved) or as a copy (a new session); the first keeps its answers."""
    from maturity.lock import Lock
    from maturity.tui.screens.locked import LockedScreen

    held = Session(questionnaire="tui_kinds@1", language="en", enterprise={"name": "Held"},
                   answers={LVL: 1})
    held.save()
    other = Lock(held.path)
    other.acquire()  # as another maturity would
    before = held.path.read_bytes()
    try:
        for choice in ("read-only", "copy"):
            app = make_app(questionnaire=None, lang="en")
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                await pilot.press("enter")  # resume the one session listed
                await pilot.pause()
                assert isinstance(app.screen, LockedScreen)
                app.screen.query_one(f"#{choice}").press()
                await pilot.pause()
                assert isinstance(app.screen, QuestionScreen)
                await pilot.press("pageup")  # back to the level question
                await pilot.pause()
                assert app.screen.current == LVL, app.screen.current
                await pilot.press("3")  # change an answer
                await pilot.pause()
                session = app.state.session
                if choice == "read-only":
                    assert session.read_only and session.path == held.path
                else:
                    assert session.path != held.path and on_disk(session)[LVL] == 3
            assert held.path.read_bytes() == before, "the other window's file is untouched"
    finally:
        other.release()


async def test_the_welcome_form_asks_which_functions_others_run_and_keeps_them():
    """Ticked by keyboard (Tab to the list, Space), saved with the session and the answers
    file; an index without functions (the SME index) does not ask."""
    app = make_app(questionnaire="general", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one("#name").value = "Group Plant"
        elsewhere = screen.query_one("#run_elsewhere")
        assert elsewhere.display and elsewhere.option_count == 6
        # since round 96 the general index grades those functions up to L3 only: say so
        assert "graded up to L3 only" in str(screen.query_one("#run_elsewhere-label").render())
        elsewhere.focus()
        await pilot.pause()
        assert elsewhere.highlighted == 0, "the cursor shows on the first box with the focus"
        await pilot.press("down", "space")
        await pilot.pause()
        assert list(elsewhere.selected) == ["purchasing"]
        screen.query_one("#start").press()
        await pilot.pause()
        assert app.state.session.enterprise["run_elsewhere"] == ["purchasing"]
        saved = maturity.load_answers(app.state.session.path)
        assert saved.enterprise.run_elsewhere == ["purchasing"]
    await _the_sme_index_does_not_ask("run_elsewhere")


async def test_the_welcome_form_asks_whether_energy_is_a_major_cost_and_keeps_it():
    """Chosen on the form, kept across a change of language, saved with the session and
    the answers file as a yes/no; the SME index, where it changes nothing, does not ask."""
    app = make_app(questionnaire="general", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        energy = app.screen.query_one("#energy_intensive")
        assert energy.display and energy.is_blank()
        energy.value = "no"
        app.screen.query_one("#name").value = "Sewing Works"
        await pilot.pause()
        app.set_language("zh")  # the form is rebuilt in the other language
        await pilot.pause()
        assert app.screen.query_one("#energy_intensive").value == "no"
        await start(app, pilot, "Sewing Works")
        assert app.state.session.enterprise["energy_intensive"] is False
        saved = maturity.load_answers(app.state.session.path)
        assert saved.enterprise.energy_intensive is False
    await _the_sme_index_does_not_ask("energy_intensive")


async def _the_sme_index_does_not_ask(field: str) -> None:
    """The SME index has no product kinds and no functions: its form hides the field and the
    session never gets it."""
    app = make_app(questionnaire="sme", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query_one(f"#{field}").display
        await start(app, pilot, "Small Works")
        assert field not in app.state.session.enterprise


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_enter_on_not_applicable_keeps_it_and_goes_on(data_dir, lang):
    """Issue #12: Tab to N/A, Space ticks it, Enter used to untick it silently and put the
    focus in the options (the next Space then saved an option the user never chose)."""
    qid = "business.logistics.capabilities"
    app = make_app(questionnaire="general", lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(app, pilot, "Pilot Works", industry="machinery", size="small")
        await screen.go(qid)
        await pilot.pause()
        await pilot.press("tab")
        assert app.focused is screen.query_one("#na")
        await pilot.press("space")
        assert app.state.session.answers[qid] == "n/a"
        hint = str(screen.query_one("#hint").render())
        assert ("不适用" if lang == "zh" else "Not applicable") in hint
        await pilot.press("enter")
        await pilot.pause()
        assert on_disk(app.state.session)[qid] == "n/a"
        assert screen.current != qid, "Enter confirms and moves on"
        await pilot.press("space")  # whatever the next question does with it, not this answer
        assert on_disk(app.state.session)[qid] == "n/a"
        # back on it: still n/a, said so, and Enter still goes on
        await screen.go(qid)
        await pilot.pause()
        assert screen.query_one("#na").value
        assert ("不适用" if lang == "zh" else "Not applicable") in str(screen.query_one("#hint").render())


async def test_a_ticked_box_shows_a_tick_not_only_a_colour(data_dir):
    """Issue #12: every box read ▐X▌, ticked or not; only colour told them apart, which a
    monochrome terminal or NO_COLOR loses."""
    app = make_app(questionnaire="general", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(app, pilot, "Pilot Works", industry="machinery", size="small")
        await screen.go("business.logistics.capabilities")
        await pilot.pause()
        await pilot.press("space")  # tick the first option
        await pilot.pause()
        lines = [screen.answer.render_line(y).text for y in range(2)]
        assert lines[0].startswith("▐✓▌") and lines[1].startswith("▐ ▌"), lines
        na = screen.query_one("#na")
        assert na.render().plain.startswith("▐ ▌")
        na.value = True
        await pilot.pause()
        assert na.render().plain.startswith("▐✓▌")


async def test_focus_is_a_bar_beside_the_field_not_a_shade(data_dir):
    """Issue #12: focus differed by one grey step (profile form) or an underline
    (checklist items). The focused field or item now has a bar at its left and no other
    has one, so it shows without colour too."""
    from maturity.tui.widgets.checklist import RatingRow

    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        name = app.screen.query_one("#name")
        name.focus()
        await pilot.pause()
        bars = [w for w in app.screen.query("#profile Input, #profile Select") if w.styles.border_left[0]]
        assert bars == [name]
        screen = await start(app, pilot, "Pilot Works", industry="machinery", size="small")
        await screen.go(CHECK)
        await pilot.pause()
        rows = list(screen.query(RatingRow))
        assert len(rows) > 1
        assert [r for r in rows if r.styles.border_left[0]] == [app.focused]
        await pilot.press("down")
        assert [r for r in rows if r.styles.border_left[0]] == [app.focused] == [rows[1]]


async def test_a_digit_picks_the_level_and_the_hint_says_enter_goes_on(data_dir):
    """Issue #12, item 3: the hint promised that pressing a level's number would do what
    Enter does; it picks the level (so that + can follow) and Enter goes on."""
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot, "Pilot Works", industry="machinery", size="small")
        assert screen.current == LVL
        hint = str(screen.query_one("#hint").render())
        assert "digit picks only" in hint and "Enter choose, go on" in hint
        await pilot.press("2")
        assert screen.current == LVL and app.state.session.answers[LVL] == 2
        await pilot.press("plus", "enter")
        await pilot.pause()
        assert screen.current != LVL and str(on_disk(app.state.session)[LVL]) == "2+"


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_status_line_keeps_the_score_in_view_at_80_columns(data_dir, lang):
    """Issue #12, item 5: "grade now: L2 Standardised on systems" pushed the score out of
    an 80-column line. The grade's code and the score now come first: for every level of
    every shipped index, the score ends within the width the line has at 80 columns, and so
    does the count of checklist items left unrated (it came last and was cut to "· 7")."""
    from types import SimpleNamespace

    from rich.cells import cell_len

    from maturity.tui.widgets.status import status_text

    app = make_app(questionnaire="sme", lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(app, pilot, "Pilot Works", industry="machinery", size="small")
        width = screen.query_one("#progress-text").size.width
    assert width >= 40
    for info in maturity.list_questionnaires():
        q = maturity.load_questionnaire(info.id if hasattr(info, "id") else info)
        top = float(q.scoring.total) if q.scoring.method == "points" else float(len(q.levels))
        for level in range(len(q.levels) + 1):
            a = SimpleNamespace(level=level, score=top - 0.05, score_max=top)
            for unrated in (0, 12):
                text = status_text(q, lang, 188, 188, 120, a, unrated, width)
                score = f"{a.score:.1f}/{a.score_max:g}"
                assert cell_len(text[:text.index(score) + len(score)]) <= width, (q.ref, text, width)
                assert (t("unrated_short", lang, n=12).strip() in text) is bool(unrated), text


async def test_a_finished_session_resumes_on_its_result_and_is_listed_as_complete(data_dir):
    """Issue #12, item 8: resuming a finished assessment opened its last question, and a
    29/29 session was listed as "continue unfinished"."""
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot, "完成测试")
        state = app.state
        while state.unanswered():  # a follow-up opens on the way
            qid = state.unanswered()[0]
            question = state.q.questions[qid][2]
            state.set_answer(qid, {"level": 1, "yesno": True, "multi": [], "number": 10,
                                   "checklist": {i.id: "fully" for i in getattr(question, "items", [])}
                                   }[question.kind])
    sessions, _ = list_sessions()
    [saved] = sessions
    assert saved.answered == saved.total
    app2 = make_app(questionnaire=None, lang="zh")
    async with app2.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = str(app2.screen.query_one("#resume").get_option_at_index(0).prompt)
        assert "已完成" in line and "已答" not in line
        assert "未完成" not in str(app2.screen.query("Label").first().render())
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app2.screen, ResultScreen)
        await pilot.press("escape")  # back to its questions
        await pilot.pause()
        assert isinstance(app2.screen, QuestionScreen)
    app3 = make_app(questionnaire=None, lang="en")  # the English line read "60/60, complete answered"
    async with app3.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = str(app3.screen.query_one("#resume").get_option_at_index(0).prompt)
        assert f"complete ({saved.total}/{saved.total})" in line and "answered" not in line, line


async def test_the_language_chosen_is_where_the_next_run_starts(data_dir, monkeypatch):
    """Issue #12, item 8: the UI language was not remembered across runs."""
    monkeypatch.delenv("MATURITY_LANG", raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    app = make_app(lang=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.lang == "en"
        app.set_language("zh")
        await pilot.pause()
    again = make_app(lang=None)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.lang == "zh"
        assert any("\u4e00" <= c <= "\u9fff" for c in str(again.screen.query_one("#title").render()))
    assert make_app(lang="en").lang == "en", "an explicit --lang still wins"
    # a language asked for with --lang is remembered too (a first-time user ran
    # `maturity --lang zh` each time, and a plain `maturity` then opened in English)
    assert make_app(lang=None).lang == "en"  # the --lang en just above, not the zh chosen before
    assert make_app(lang="zh").lang == "zh" and make_app(lang=None).lang == "zh"
    monkeypatch.setenv("MATURITY_LANG", "en")
    assert make_app(lang=None).lang == "en", "and so does MATURITY_LANG"


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_result_leads_with_the_grade_then_the_next_three_steps(data_dir, tmp_path, lang):
    """Issue #12, item 6: the result buried what to do next. The grade card now shows the
    grade, its meaning and then the first three steps of the roadmap, in the report's
    order and words, before the why-not-higher explanation."""
    from maturity.tui.screens.result import next_steps

    app = make_app(questionnaire=None, lang=lang, answers=str(example_answers(tmp_path, lang)))
    async with app.run_test(size=SIZE) as pilot:
        await open_result(app, pilot)
        screen = app.screen
        assert isinstance(screen, ResultScreen)
        card = [w.id for w in screen.query_one("#grade-card").children]
        assert card.index("grade") < card.index("next-steps") < card.index("why-not-title")
        recs = screen.report.recommendations[:3]
        shown = str(screen.query_one("#next-steps").render())
        assert len(recs) == 3 and shown == "\n".join(next_steps(screen.report))
        assert [shown.index(s.name) for s in recs] == sorted(shown.index(s.name) for s in recs)


async def test_a_hand_written_answers_file_keeps_its_original_before_the_first_save(tmp_path):
    """Found while testing the result screen: `maturity assess --answers FILE` saved over
    the user's file in its own layout, dropping the file's comments. The file as written
    is now copied beside it first (once), and the user is told where."""
    s = Session(questionnaire="tui_kinds@1", language="en", enterprise={"name": "File Works"},
                answers={LVL: 1})
    written = "# Site visit 12 May: planning seen in the ERP, MES pilot in line 2.\n" + \
        s.text().split("\n", 2)[2]  # the user's own comment instead of the session header
    folder = tmp_path / "files"
    folder.mkdir()
    target = folder / "mine.yaml"
    target.write_text(written, "utf-8")
    app = make_app(questionnaire=None, answers=str(target))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        kept = folder / "mine.orig.yaml"
        assert kept.read_text("utf-8") == written
        assert any(str(kept) in str(n.message) for n in app._notifications)
        await pilot.press(*"60")
    assert maturity.load_answers(target).answers == {LVL: 1, NUM: 60}
    assert sorted(p.name for p in folder.iterdir()) == ["mine.orig.yaml", "mine.yaml"]
    # a file the TUI wrote itself is not copied again
    again = make_app(questionnaire=None, answers=str(target))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"1")
    assert sorted(p.name for p in folder.iterdir()) == ["mine.orig.yaml", "mine.yaml"]


async def test_answers_a_hand_edited_file_holds_that_do_not_fit_are_named_on_opening(tmp_path):
    """A user set a level to 7 and mistyped an id in a file and opened it: the grade fell with
    no word of why.  The answers that do not fit are named; they stay in the file as written."""
    s = Session(questionnaire="tui_kinds@1", language="en", enterprise={"name": "File Works"},
                answers={LVL: 7, "no.such.question": 2, "[b]bold[/b]": 1, NUM: 60})
    target = tmp_path / "mine.yaml"
    target.write_text(s.text(), "utf-8")
    app = make_app(questionnaire=None, answers=str(target))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        told = [str(n.message) for n in app._notifications if n.severity == "warning"]
        assert len(told) == 1 and "3 answers" in told[0]
        assert LVL in told[0] and "no.such.question" in told[0] and NUM not in told[0]
        assert "[b]bold[/b]" in told[0]  # an id as typed, never read as markup
        await pilot.press("ctrl+q")
    assert maturity.load_answers(target).answers[LVL] == 7  # nothing the user wrote is lost


async def test_a_question_that_sets_grade_rules_says_so_with_its_progress(data_dir):
    """Issue #12, item 4: the SME index's scenario questions earn no points, so the live
    grade did not move while they were answered, and the screen never said why. Under
    such a question the screen now says what it does, with the next grade's rule and how
    far the answers are."""
    app = make_app(questionnaire="sme", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(app, pilot, "Pilot Works", industry="machinery", size="small")
        gate = screen.query_one("#gate")
        assert not gate.display, "a question that earns points needs no such line"
        first = next(q for q in app.state.asked() if q.startswith("operations."))
        await screen.go(first)
        await pilot.pause()
        before = str(gate.render())
        assert gate.display and "no points" in before and "you have" in before
        question = app.state.q.questions[first][2]
        app.state.set_answer(first, max(question.anchors))
        screen.revision = app.state.revision
        await pilot.pause()
        after = str(gate.render())
        assert after != before, (before, after)
        # back under a question that earns points, the line goes again (it starts hidden, so
        # only this shows that _update_gate hides it)
        points = next(q for q in app.state.asked() if not q.startswith("operations."))
        await screen.go(points)
        await pilot.pause()
        assert not gate.display, "the grade-rules line stayed under a question that earns points"


async def test_the_welcome_count_agrees_with_the_run(data_dir):
    """Issue #12, item 11: the welcome screen said the general index has 60 questions, the
    run showed 57, then 58 when a follow-up opened. The welcome line now gives the
    questions always asked and those asked only when they apply; the run's count lies
    between the two."""
    import re

    q = maturity.load_questionnaire("general")
    app = make_app(questionnaire="general", lang="en")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        index = app.screen.query_one("#questionnaire")
        line = next(str(prompt) for prompt, value in index._options if value == "general")
        n, m = map(int, re.search(r"(\d+) questions \+ up to (\d+) if they apply", line).groups())
        assert n + m == len(q.questions)
        await start(app, pilot, "Pilot Works", industry="machinery", size="small")
        asked = len(app.state.asked())
        assert n <= asked <= n + m, (n, m, asked)
        status = str(app.screen.query_one("#progress-text").render())
        assert f"/{asked}" in status


async def test_the_palette_and_textuals_own_words_are_in_chinese(data_dir):
    """Issue #12, item 9: in zh mode the footer said "^p palette" and "esc Dismiss menu",
    the palette "Search for commands…" and its entries Keys, Maximize, Quit."""
    from textual.command import CommandPalette
    from textual.widgets import Select

    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        words = {a.binding.description for a in app.active_bindings.values()}
        assert "palette" not in words and "命令" in words
        select = app.screen.query_one("#industry", Select)
        select.focus()
        await pilot.press("enter")  # open the list
        await pilot.pause()
        words = {a.binding.description for a in app.active_bindings.values()}
        assert "Dismiss menu" not in words and "关闭菜单" in words
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        assert palette.query_one("Input").placeholder == "搜索命令…"
        titles = [c.title for c in app.get_system_commands(app.screen_stack[-2])]
        assert "Quit" not in titles and "Keys" not in titles and "退出" in titles, titles


async def test_no_english_word_on_any_chinese_screen(data_dir):
    """Issue #12, item 9: a walk over the welcome screen, every question of the general
    index, the result and the command palette in zh finds no English word except
    acronyms (ERP, MES…), key names and the names of products and file formats."""
    import html
    import re

    allowed = {"English", "maturity", "Excel", "Word", "Markdown", "Tab", "esc", "pgup", "pgdn"}

    def english(app) -> set[str]:
        svg = app.export_screenshot()
        text = " ".join(html.unescape(x) for x in re.findall(r">([^<>]+)</text>", svg))
        return {w for w in re.findall(r"[A-Za-z]{3,}", text) if not w.isupper() and w not in allowed}

    app = make_app(questionnaire="general", lang="zh")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        found = {"welcome": english(app)}
        screen = await start(app, pilot, "测试工厂", industry="machinery", size="small")
        for qid in app.state.asked():
            await screen.go(qid)
            await pilot.pause()
            found[qid] = english(app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        found["palette"] = english(app)
        await pilot.press("escape")
        await open_result(app, pilot)
        found["result"] = english(app)
    assert not {k: v for k, v in found.items() if v}


def test_the_index_list_is_cached_until_a_questionnaire_file_changes(data_dir, tmp_path, monkeypatch):
    """Issue #12, item 12: listing the indices loaded every questionnaire (0.9 s) before the
    first frame. The list is cached; any change to a file on the search path lists afresh."""
    import shutil

    from maturity.tui import indices as cached

    folder = tmp_path / "indices"
    folder.mkdir()
    shutil.copy(Path(__file__).parent / "data" / "tui_kinds.yaml", folder / "tui_kinds.yaml")
    monkeypatch.setenv("MATURITY_QUESTIONNAIRES", str(folder))
    calls = []
    real = cached.list_questionnaires
    monkeypatch.setattr(cached, "list_questionnaires", lambda lang: calls.append(lang) or real(lang))
    first = cached.indices("en")
    assert cached.indices("en") == first and calls == ["en"], "the second listing is the cache"
    assert cached.indices("zh") and calls == ["en", "zh"], "one cache per language"
    text = (folder / "tui_kinds.yaml").read_text("utf-8")
    (folder / "tui_kinds.yaml").write_text(text + "\n# edited\n", "utf-8")
    assert cached.indices("en") == first and calls == ["en", "zh", "en"], "a changed file lists afresh"
    (data_dir / "cache" / "indices.json").write_text("{not json", "utf-8")
    assert cached.indices("en") == first, "a broken cache is ignored"


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_result_screen_shows_what_maturity_report_says(data_dir, tmp_path, lang, capsys):
    """Issue #12 ("also expected"): the result screen's data comes from the same diagnosis
    as `maturity report`: its sections are the report's Markdown, and its Markdown export
    is byte for byte what `maturity report -f markdown` writes for the saved answers."""
    from maturity.cli import main

    answers = example_answers(tmp_path, lang)
    app = make_app(questionnaire=None, lang=lang, answers=str(answers))
    async with app.run_test(size=SIZE) as pilot:
        await open_result(app, pilot)
        screen = app.screen
        assert app.lang == lang
        exported, _ = screen.export_text("markdown")
        shown = screen.sections_markdown(screen.report)
        narrow = markdown.render(screen.report, wide=False)  # benchmarks as a list
    out = tmp_path / "report.md"
    assert main(["report", str(answers), "-f", "markdown", "--lang", lang, "-o", str(out)]) == 0
    expected = out.read_text("utf-8")
    assert exported == expected
    assert shown in narrow and shown.startswith("## ")
    # the screen shows every line of the report but the benchmark table's rows
    table_rows = {line for line in expected.splitlines() if line.startswith("|")}
    tail = expected[expected.index(shown.split("\n", 1)[0]):]
    assert {line for line in tail.splitlines() if line not in table_rows} <= set(shown.splitlines())


async def test_start_stays_on_screen_and_wide_terminals_use_their_width(data_dir):
    """Issue #12, item 10: at 80x24 with three saved sessions Start fell below the fold;
    at 200x50 the index stayed 36 columns and the answer's frame stretched over the
    whole height."""
    for k in range(3):
        Session(questionnaire="tui_kinds@1", language="en", enterprise={"name": f"Works {k}"},
                answers={LVL: 1}).save()
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        start_button = app.screen.query_one("#start")
        assert start_button.region.bottom <= app.screen.region.bottom - 1, start_button.region
        assert start_button.region.height >= 1
    app = make_app(lang="en")
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await start(app, pilot, "Pilot Works", industry="machinery", size="small")
        await pilot.pause()
        assert screen.query_one("#tree").size.width > 36
        answer = screen.answer
        assert answer.outer_size.height < screen.query_one("#answer-box").size.height


async def test_f1_help_gets_the_room_of_the_choices_and_f1_returns(data_dir):
    """The first-time user run: at 80x24, F1 squeezed the choices to two rows and cut the
    help text off with no way to scroll it. F1 now shows the help in the choices' room,
    whole, and F1 again brings the choices back with the focus in them."""
    app = make_app(questionnaire="general", lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(app, pilot, "测试工厂", industry="machinery", size="small")
        qid = next(q for q in app.state.asked() if app.state.q.questions[q][2].help)
        await screen.go(qid)
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        help_box = screen.query_one("#help")
        assert help_box.display and not screen.query_one("#answer-box").display
        assert help_box.virtual_size.height <= help_box.size.height, "the whole help is on screen"
        assert "F1" in str(screen.query_one("#hint").render())
        await pilot.press("f1")
        await pilot.pause()
        assert not help_box.display and screen.query_one("#answer-box").display
        assert app.focused is not None and screen.query_one("#answer-box") in app.focused.ancestors_with_self


async def test_the_level_rule_is_shown_in_full_until_it_is_known(data_dir, tmp_path):
    """The English first-time user saw levels 0-3 only at 80x24: five rows repeated the
    same rule and hint on every level question.  After three answered level questions
    the rule is a one-line reminder, and the levels up to 4 fit."""
    from maturity.i18n import t
    from maturity.tui.screens.question import RULE_LEARNT

    def answers(n: int) -> str:
        q = maturity.load_questionnaire("general")
        levels = [qid for qid, (_, _, x) in q.questions.items() if x.kind == "level" and not x.applies]
        path = tmp_path / f"a{n}.yaml"
        lines = "".join(f"  {qid}: 1\n" for qid in levels[:n])
        path.write_text("format: maturity-answers/1\nquestionnaire: general\nlanguage: en\n"
                        "enterprise: {name: Rule Works, industry: machinery, production_type: discrete}\n"
                        f"answers:\n{lines or '  {}'}\n", "utf-8")
        return str(path)

    shown = {}
    for n in (0, RULE_LEARNT):
        app = make_app(questionnaire=None, lang="en", answers=answers(n))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = app.screen
            while screen.state.q.questions[screen.current][2].kind != "level":
                await screen.go(screen.state.asked()[screen.state.asked().index(screen.current) + 1])
            shown[n] = text_of(screen.query_one("#qtext"))
    assert t("tui_level_rule", "en") in shown[0]
    assert t("tui_level_rule_short", "en") in shown[RULE_LEARNT]
    assert t("tui_level_rule", "en") not in shown[RULE_LEARNT]


async def test_a_tick_list_option_cut_at_the_width_is_shown_whole_below_the_list(data_dir):
    """The English first-time user read "Production execution: … (MES / MO…" and could not
    see the rest: the highlighted option, when cut, is shown whole below the list."""
    from maturity.model.base import tr

    app = make_app(questionnaire="general", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(app, pilot, industry="machinery", production_type="discrete")
        qid = "factory.integration.systems"
        await screen.go(qid)
        await pilot.pause()
        options = [tr(o.text, "en") for o in app.state.q.questions[qid][2].options]
        seen = {}
        for k in range(len(options)):
            if k:
                await pilot.press("down")
            await pilot.pause()
            detail = screen.query_one("#detail")
            seen[k] = text_of(detail) if detail.display else None
    long = [k for k, text in enumerate(options) if len(text) > 70]
    short = [k for k, text in enumerate(options) if len(text) < 50]
    assert long and all(seen[k] == options[k] for k in long), (long, seen)
    assert all(seen[k] is None for k in short), seen


async def test_a_model_brought_as_data_runs_in_the_tui(monkeypatch, tmp_path):
    """Issue #13: the custom-index example (labelled answers with values, the mean method,
    no industries) is answered in the TUI: the answers show with their labels, a digit picks
    one, Enter goes on, and the saved file holds the answer's id."""
    from maturity.tui.widgets import OptionAnswer

    folder = Path(__file__).resolve().parents[2] / "docs" / "examples" / "custom-index"
    monkeypatch.setenv("MATURITY_QUESTIONNAIRES", str(folder))
    app = make_app(questionnaire="data_practices", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot, "Northfield Mutual")
        widget = screen.answer
        assert isinstance(widget, OptionAnswer)
        labels = [text for _, _, text in widget.choices]
        assert labels == ["No", "Yes, for a few datasets or teams", "Yes, for about half of them",
                          "Yes, for most or all of them"]
        await pilot.press("3")  # picks the third answer, stays
        await pilot.pause()
        first = screen.current
        assert app.state.session.answers[first] == "half"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.current == app.state.asked()[1] != first
        assert isinstance(screen.answer, OptionAnswer) and screen.answer.value is None
        saved = app.state.session.path.read_text("utf-8")
        assert f"{first}: half" in saved


async def test_question_text_and_help_are_folded_as_chinese_is_set():
    """Issue #12: Textual wraps at spaces only, so a zh line could start with "，" or split
    a Latin word.  The question text, its help and the cut-option detail are folded: no
    line starts with closing punctuation, at any width the screen may have."""
    from maturity._cjk import _NO_LINE_START, fold
    from maturity.tui.widgets.folded import Folded

    app = make_app(questionnaire="general", lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(app, pilot, "折叠测试", industry="machinery", size="small")
        for box in ("#qtext", "#help"):
            assert isinstance(screen.query_one(box).content, Folded), box
    q = maturity.load_questionnaire("general")
    texts = [t for _, _, x in q.questions.values() for t in (x.text["zh"], (x.help or {}).get("zh", ""))]
    for width in (38, 57, 76):
        starts = [line for text in texts for line in fold(text, width)[1:] if line[:1] in _NO_LINE_START]
        assert not starts, starts[:3]


async def test_answers_to_an_index_kept_beside_them_open_in_the_tui(tmp_path):
    """``maturity assess --answers FILE``: the index the file names is installed nowhere but
    lies beside it (as in docs/examples/custom-index): it opens, and so do its results."""
    import shutil

    from maturity.tui.screens.result import ResultScreen

    folder = Path(__file__).resolve().parents[2] / "docs" / "examples" / "custom-index"
    for name in ("answers.yaml", "data_practices.yaml"):
        shutil.copy(folder / name, tmp_path / name)
    app = make_app(questionnaire=None, answers=str(tmp_path / "answers.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        await open_result(app, pilot)
        assert isinstance(app.screen, ResultScreen)
        assert app.state.q.ref == "data_practices@1"


async def test_an_implausible_answer_is_flagged_as_it_is_given(data_dir):
    """The questionnaire's consistency checks are said at the moment of answering, once,
    as a warning: the answer is kept as given."""
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot, "Pilot Works", industry="machinery")
        state = app.state
        await pilot.press("0", "enter")  # the plan at level 0
        assert state.session.answers[LVL] == 0 and screen.current == NUM
        await pilot.press(*"95")
        await pilot.pause(CHECK_AFTER + 0.3)  # a number is checked once typing pauses
        assert state.session.answers[NUM] == 95, "the answer is kept as given"
        flagged = [n for n in app._notifications if "check both answers" in str(n.message)]
        assert len(flagged) == 1 and flagged[0].severity == "warning"
        await pilot.press("backspace", "6")  # typed through 9 (fine) to 96: said once, not again
        await pilot.pause(CHECK_AFTER + 0.3)
        assert len([n for n in app._notifications if "check both answers" in str(n.message)]) == 1


async def test_a_number_is_checked_as_typed_in_full_not_digit_by_digit(data_dir):
    """A first-time user typed 85 as the CNC rate after automated lines (level 3), and was
    told the rate was below 50 %: the check ran on the 8.  Checked once typing pauses, 85
    sets nothing off, and 8 still does."""
    app = make_app(questionnaire="general", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot, "Pilot Works", industry="machinery")
        await screen.go("factory.equipment.automation")
        await pilot.pause()
        await pilot.press("3", "enter")
        await pilot.pause()
        assert screen.current == "factory.equipment.cnc_rate"
        await pilot.press("8", "5")
        await pilot.pause(CHECK_AFTER + 0.3)
        assert app.state.session.answers["factory.equipment.cnc_rate"] == 85
        assert not [n for n in app._notifications if n.severity == "warning"]
        await pilot.press("backspace")  # 8 is below 50 %: said, once typing pauses
        await pilot.pause(CHECK_AFTER + 0.3)
        assert [n for n in app._notifications if n.severity == "warning"]


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_unticking_not_applicable_gives_the_answer_back_and_keeps_the_focus(data_dir, lang):
    """A first-time user answered 2, ticked n/a, unticked it, and pressed Space to tick it
    again: unticking had cleared the answer and put the focus on the choices, so that Space
    saved level 0.  Unticking now gives back the answer given before, and the box keeps the
    focus."""
    qid = "rd.innovation.customer"
    app = make_app(questionnaire="general", lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(app, pilot, "Pilot Works", industry="machinery", size="small")
        await screen.go(qid)
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        assert app.state.session.answers[qid] == 2
        await pilot.press("tab")
        assert app.focused is screen.query_one("#na")
        await pilot.press("space")
        await pilot.pause()
        assert on_disk(app.state.session)[qid] == "n/a"
        await pilot.press("space")
        await pilot.pause()
        assert on_disk(app.state.session)[qid] == 2
        assert app.focused is screen.query_one("#na")
        await pilot.press("space")
        await pilot.pause()
        assert on_disk(app.state.session)[qid] == "n/a"


async def test_ctrl_c_says_how_to_quit_in_the_sessions_language(data_dir):
    """Textual's own note on Ctrl+C was English in the Chinese interface."""
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        said = [str(n.message) + str(n.title) for n in app._notifications]
        assert any("Ctrl+Q" in x and "退出" in x for x in said), said
        assert not any("Press" in x for x in said), said


async def test_what_if_shows_the_grade_a_step_would_give_and_keeps_the_answers(data_dir, tmp_path):
    """On the result, w opens What if…: picking a step shows the grade it would give, the
    same as the library's what_if, and the saved answers stay as they were."""
    from maturity.tui.screens.whatif import WhatIfScreen

    path = example_answers(tmp_path)
    def given(p):
        return {k: v for k, v in maturity.load_answers(p).answers.items() if v is not None}

    before = given(path)
    app = make_app(questionnaire=None, answers=str(path))
    async with app.run_test(size=SIZE) as pilot:
        await open_result(app, pilot)
        await pilot.press("w")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WhatIfScreen)
        label, changes = screen.options[0]
        await pilot.press("enter")
        await pilot.pause()
        shown = text_of(screen.query_one("#what-if-result"))
        expected = maturity.what_if(screen.diagnosis.assessment, changes, app.state.q)
        assert label in shown and f"{expected.comparison.total.score_after:.2f}" in shown
        assert "unchanged" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, WhatIfScreen)
    assert given(path) == before


async def test_lang_on_the_command_line_wins_over_the_resumed_file(data_dir, tmp_path):
    """Found driving the TUI at 80x24: `maturity assess -a plant.yaml --lang en` on a file
    answered in Chinese opened in Chinese; --lang was ignored whenever a file was resumed.
    It now wins, as switching with ctrl+l would, and the session says so; without it the
    file's own language is kept."""
    path = example_answers(tmp_path, "zh")
    app = make_app(questionnaire=None, lang="en", answers=str(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.lang == "en" and app.state.session.language == "en"
    other = tmp_path / "other"
    other.mkdir()
    app = make_app(questionnaire=None, lang=None, answers=str(example_answers(other, "zh")))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.lang == "zh"


async def test_a_long_heading_of_the_report_wraps_at_80_columns(data_dir, tmp_path):
    """Textual sized a Markdown H3 to its text and cut the phase heading "Phase 1: reach L3
    Integrated with the steps below and 6 indicator(s) improved directly" at 80 columns
    (seen in tmux at 80x24).  Report headings take the width and wrap, every word shown."""
    from textual.geometry import Region

    plant = tmp_path / "valves.yaml"  # a reference plant whose phase 1 leaves indicators
    plant.write_text((Path(__file__).resolve().parents[2] / "docs" / "calibration" / "answers" / "after"
                      / "p04-b.yaml").read_text("utf-8"), "utf-8")
    app = make_app(questionnaire=None, lang="en", answers=str(plant))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_result(app, pilot)
        report = app.screen.query_one("#report")
        assert report.size.width <= 80
        shown = " ".join(" ".join(strip.text for strip in report.render_lines(
            Region(0, 0, report.size.width, report.size.height))).split())
        heads = [title for title, *_ in app.screen.report.roadmap if title.startswith("Phase 1")]
        assert heads and all(len(h) > report.size.width for h in heads)  # too long for one line
        for h in heads:
            assert " ".join(h.split()) in shown


def test_the_next_steps_start_with_what_the_next_grade_needs():
    """Round 109: the seating plant p67-b (L3) is one direct improvement short of L4 and its
    phase 1 has no scenario; the card showed three phase-2 steps towards L5 as "your next
    three steps". What phase 1 improves directly now comes first."""
    from pathlib import Path

    import maturity
    from maturity.diagnosis import diagnose
    from maturity.report.content import build
    from maturity.tui.screens.result import next_steps

    # the answers as they stood in round 109 (round 111's leadership answer lifts it to L4)
    answers = maturity.load_answers(Path(__file__).resolve().parents[1] / "data" / "p67-b-round109.yaml")
    q = maturity.questionnaire_for(answers)
    a = maturity.assess(q, answers)
    r = build(q, diagnose(a, q), "en")
    steps = next_steps(r)
    assert not r.roadmap[0][1] and r.roadmap[0][3], "the case: phase 1 is only direct improvement"
    assert steps[0].startswith("1. Strategy and roadmap (Organisation strategy) (L2 → L3): "), steps
    assert steps[1].startswith(f"2. {r.recommendations[0].name}"), steps


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_direct_improvements_come_after_phase_ones_scenarios_whole(lang):
    """Review of the change above: the first thing an improvement asks is taken whole, not
    cut at a semicolon inside it, and it comes right after phase 1's scenarios (p43-b as read
    before round 166: two scenarios, then direct improvements)."""
    from pathlib import Path

    import maturity
    from maturity.diagnosis import diagnose
    from maturity.report.content import build
    from maturity.tui.screens.result import next_steps

    data = Path(__file__).resolve().parents[1] / "data"
    answers = maturity.load_answers(data / "p43-b-round165.yaml")
    q = maturity.questionnaire_for(answers)
    a = maturity.assess(q, answers)
    r = build(q, diagnose(a, q), lang)
    k = len(r.roadmap[0][1])
    assert 0 < k < 3 and r.direct_first, "the case: phase 1 with one or two scenarios and direct work"
    steps = next_steps(r)
    for shown, rec in zip(steps[:k], r.recommendations[:k], strict=True):
        assert shown.split(". ", 1)[1].startswith(rec.name), (shown, rec.name)
    what, ask = r.direct_first[0]
    assert steps[k] == f"{k + 1}. {what}{'：' if lang == 'zh' else ': '}{ask}"
    roadmap_text = r.roadmap[0][3][0][1]
    assert roadmap_text.startswith(ask)


async def test_a_checklist_with_items_left_unrated_is_said_and_found(data_dir):
    """A first-time user rated one item of a seven-item checklist and moved on; the
    progress line, the "unanswered" jump ("Every question is answered.") and 100 %
    completeness all said done, while six items were scored "not met" unseen."""
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot, "Pilot Works", industry="machinery", size="small")
        state = app.state
        await pilot.press("2", "enter", *"50", "enter", "space", "enter")
        assert screen.current == CHECK
        await pilot.press("right", "pagedown")  # one item rated, the rest left
        assert screen.current == YN and state.session.answers[CHECK] == {"records": "fully"}
        await pilot.press("n")
        await pilot.pause()
        assert state.unanswered() == [] and state.unrated() == [f"{CHECK}.spc", f"{CHECK}.trace"]
        assert "2 items unrated" in str(screen.query_one("#progress-text").render())
        app.action_show_unanswered()
        await pilot.pause()
        assert screen.current == CHECK
        assert any("2 checklist items are unrated" in n.message for n in app._notifications)
        # the result's grade card counts them beside the completeness, as every report does
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "100% · 2 items unrated" in str(app.screen.query_one("#grade-score").render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.question_screen() is app.screen and screen.current == CHECK
        await pilot.press("1", "down", "1")  # it reopens at the first unrated item
        assert state.unrated() == [] and "unrated" not in str(screen.query_one("#progress-text").render())


async def test_an_edited_copy_of_a_session_file_opened_by_name_keeps_the_sessions_autosave(tmp_path):
    """A user copied a saved answers file, edited the copy and opened it with --answers: it
    carried the session's header, and its saves replaced that session's autosave."""
    s = Session(questionnaire="tui_kinds@1", language="en", enterprise={"name": "File Works"},
                answers={LVL: 1})
    s.save()
    autosave = s.path.read_text("utf-8")
    copy = tmp_path / "copy.yaml"
    edited = autosave.replace(f"{LVL}: 1", f"{LVL}: 2   # 改为 2：已有书面计划")  # a comment of the user's
    copy.write_text(edited, "utf-8")
    app = make_app(questionnaire=None, answers=str(copy))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.state.session.id != s.id
        assert any("own session" in str(n.message) for n in app._notifications)
        await pilot.press("ctrl+q")
    assert s.path.read_text("utf-8") == autosave  # the original session's autosave as it was
    assert maturity.load_answers(copy).answers[LVL] == 2
    # the copy's comments were lost at its first save (a second-round TUI audit): kept beside it
    assert (tmp_path / "copy.orig.yaml").read_text("utf-8") == edited
    # the session's own file, unchanged, opens as that session
    own = tmp_path / "own.yaml"
    own.write_text(autosave, "utf-8")
    again = make_app(questionnaire=None, answers=str(own))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.state.session.id == s.id
        await pilot.press("ctrl+q")


async def test_an_indicators_several_questions_sit_under_its_node_in_the_index(data_dir):
    """A Chinese user's index of the SME index at 80 columns read "研发、营销与服务: 企业如何"
    four times: each leaf began with its indicator's name.  An indicator with several
    questions is a node of its own, and its leaves begin with the question."""
    app = make_app(questionnaire="sme", lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(app, pilot, "染整厂", industry="textiles", size="small")
        await pilot.press("ctrl+t")
        await pilot.pause()
        tree = screen.query_one("#tree")
        q = app.state.q
        leaves = tree._leaves
        marketing = [qid for qid in leaves if qid.startswith("operations.sales_rd.")]
        assert len(marketing) >= 2
        for qid in marketing:
            node = leaves[qid]
            assert str(node.parent.label) == q.questions[qid][1].name["zh"]
            assert str(node.label)[2:] == q.questions[qid][2].text["zh"]
        await pilot.press("ctrl+q")


async def test_ctrl_u_edits_a_dialogs_field_and_leaves_no_dialog(data_dir, tmp_path):
    """Ctrl+U (first unanswered) has priority on the question screen, where a field's own
    Ctrl+U wiped an answer; in a dialog's field it edits, and a dialog is not left by it."""
    from maturity.tui.screens.save_as import SaveAsScreen
    from maturity.tui.screens.whatif import WhatIfScreen

    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press("2", "ctrl+s")
        await pilot.pause()
        field = app.screen.query_one("#save-as-path")
        await pilot.press("end", "ctrl+u")
        await pilot.pause()
        assert isinstance(app.screen, SaveAsScreen) and field.value == ""
        await pilot.press("escape")
        await pilot.pause()
    path = example_answers(tmp_path)
    text = path.read_text("utf-8").replace("strategy.planning.roadmap: 4", "strategy.planning.roadmap:")
    path.write_text(text, "utf-8")  # a question left to jump to
    app = make_app(questionnaire=None, answers=str(path))
    async with app.run_test(size=SIZE) as pilot:
        await open_result(app, pilot)
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert isinstance(app.screen, WhatIfScreen)


async def test_the_what_if_dialog_shows_its_own_keys_not_the_result_screens(data_dir, tmp_path):
    """A second-round TUI audit pressed h (HTML, shown in the footer below the what-if
    dialog) and nothing happened: the footer was the result screen's."""
    from textual.widgets import Footer

    from maturity.tui.screens.whatif import WhatIfScreen

    app = make_app(questionnaire=None, answers=str(example_answers(tmp_path)))
    async with app.run_test(size=SIZE) as pilot:
        await open_result(app, pilot)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WhatIfScreen)
        footer = app.screen.query_one(Footer)
        keys = {b.key for b in footer.screen.active_bindings.values() for b in [b[1]]}
        assert "escape" in keys and "h" not in keys


async def test_a_resumed_session_s_status_line_fits_its_width_from_the_first_frame(data_dir, tmp_path):
    """A first-time user resumed a session at 80x24 and read "20/64 · ~25 min left · 7 items
    unrated  · grade now: not yet": the first update had no width yet, so the whole line
    was shown and cut, grade and score with it."""
    import yaml
    from rich.cells import cell_len

    from maturity.tui.screens.question import QuestionScreen

    doc = yaml.safe_load((Path(__file__).resolve().parents[2] / "docs" / "examples"
                          / "machinery-plant.yaml").read_text("utf-8"))
    for qid in list(doc["answers"])[20:]:  # some left to answer, and a checklist in part
        del doc["answers"][qid]
    doc["answers"]["strategy.organisation.mechanisms"] = {"duties": "fully", "key_users": "mostly"}
    path = tmp_path / "half.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    app = make_app(questionnaire=None, lang="en", answers=str(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    app = make_app(questionnaire=None, lang="en")  # resumed from the welcome screen's list
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause()
            if isinstance(app.screen, QuestionScreen):
                break
        await pilot.pause()
        field = app.screen.query_one("#progress-text")
        text = str(field.render())
        assert field.size.width and cell_len(text) <= field.size.width, (text, field.size.width)
        assert "/5)" in text  # the score is in view
