"""Keys typed ahead land where the user meant them.

The first-time user (en run, issue #12) typed rating lists at about 150 ms a key and lost
keys twice: a digit and Enter landed on the item (or the question) they had just left.
Textual resolves a key's binding when the key has bubbled back to the app, against the
focus then; these tests send a burst of keys the way the terminal driver does, all
queued before the first is handled."""

from __future__ import annotations

from itertools import pairwise

from textual import events

import maturity

from .helpers import make_app, start, text_of

ENTER = ("enter", "\r")


def _key(key: str) -> events.Key:
    return events.Key(*ENTER) if key == "enter" else events.Key(key, key if len(key) == 1 else None)


async def burst(app, pilot, keys: list[str]) -> None:
    for key in keys:
        app.post_message(_key(key))
    for _ in range(6):  # let every key, and what it triggers, settle
        await pilot.pause(0.1)


async def at_question(app, pilot, qid: str):
    """Start a plant on the general index and show question ``qid``."""
    screen = await start(app, pilot, industry="machinery", production_type="discrete")
    await screen.go(qid)
    await pilot.pause()
    return screen


def _general_pair(kind: str = "checklist"):
    """The first question of ``kind`` in the general index asked right before a level
    question (neither behind a condition)."""
    q = maturity.load_questionnaire("general")
    ids = list(q.questions)
    for first, second in pairwise(ids):
        a, b = q.questions[first][2], q.questions[second][2]
        if a.kind == kind and not a.applies and b.kind == "level" and not b.applies:
            return first, a, second
    raise AssertionError(f"no {kind} question followed by a level question")


async def test_ratings_typed_ahead_rate_the_items_they_were_typed_for(data_dir):
    first, question, _ = _general_pair()
    app = make_app(questionnaire="general", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await at_question(app, pilot, first)
        items = [i.id for i in question.items][:4]
        await burst(app, pilot, [k for digit in "1234"[:len(items)] for k in (digit, "enter")])
        saved = app.state.session.answers[first]
    words = ("fully", "mostly", "partly", "not")
    assert [saved.get(i) for i in items] == list(words[:len(items)]), saved


async def test_keys_typed_after_the_last_item_answer_the_next_question(data_dir):
    first, question, second = _general_pair()
    app = make_app(questionnaire="general", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await at_question(app, pilot, first)
        n = len(question.items)
        await burst(app, pilot, [*[k for _ in range(n) for k in ("4", "enter")], "3", "enter"])
        answers = dict(app.state.session.answers)
    assert answers[first] == dict.fromkeys((i.id for i in question.items), "not"), answers[first]
    assert answers[second] == 3, answers.get(second)


async def test_keys_typed_after_a_number_answer_the_next_question_not_the_field(data_dir):
    """Keys typed after Enter in a number field were already the field's: they must not be
    typed into it ("50" becoming "502"), but reach the next question, in the order they
    were typed (``test_typeahead_order.py``: the app holds later keys meanwhile)."""
    first, _, second = _general_pair("number")
    app = make_app(questionnaire="general", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await at_question(app, pilot, first)
        await burst(app, pilot, ["5", "0", "enter", "2", "enter"])
        answers = dict(app.state.session.answers)
    assert answers[first] == 50, answers.get(first)
    assert answers.get(second) == 2, answers.get(second)  # answered by the keys after



async def test_a_correction_typed_in_one_burst_is_saved(data_dir):
    """A first-time user corrected 30 to 65 with Backspace, Backspace, 6, 5, Enter sent at
    once (a paste, a slow link): the app moved on and going back showed 30."""
    first, _, second = _general_pair("number")
    app = make_app(questionnaire="general", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await at_question(app, pilot, first)
        await burst(app, pilot, ["3", "0", "enter"])
        assert app.state.session.answers[first] == 30
        await screen.go(first)
        await pilot.pause()
        await burst(app, pilot, ["backspace", "backspace", "6", "5", "enter"])
        assert app.state.session.answers[first] == 65
        assert screen.current == second
        await screen.go(first)
        await pilot.pause()
        await burst(app, pilot, ["backspace", "backspace", "enter"])  # cleared: unanswered
        assert first not in app.state.session.answers


async def test_a_slip_in_a_number_keeps_the_saved_answer(data_dir):
    """A first-time user typed a full-width "％" after 60 (as a Chinese input method does):
    the saved 60 was deleted at once, and quitting kept it deleted.  What is on screen and
    not a number leaves the last answer in place, and says so; full-width digits and
    "％" are numbers."""
    first, _, _ = _general_pair("number")
    app = make_app(questionnaire="general", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await at_question(app, pilot, first)
        await burst(app, pilot, ["6", "0", "enter"])
        await screen.go(first)  # back to it, as the user was, to check the figure
        await pilot.pause()
        await burst(app, pilot, ["end"])
        assert app.state.session.answers[first] == 60
        for slip in ("x", "_", "-"):
            await burst(app, pilot, [slip])
            assert app.state.session.answers[first] == 60, slip
            assert "stays 60" in text_of(screen.query_one("#number-error"))
            await burst(app, pilot, ["backspace"])
        await burst(app, pilot, ["％"])  # 60％: a number
        assert app.state.session.answers[first] == 60
        await burst(app, pilot, ["backspace", "backspace", "backspace", "４", "５"])
        assert app.state.session.answers[first] == 45
        await burst(app, pilot, ["x"])  # a slip: back to the answer the question was shown with
        assert app.state.session.answers[first] == 60
        await pilot.press("ctrl+q")
    assert maturity.load_answers(app.state.session.path).answers[first] == 60  # as quit saved it


async def test_a_share_typed_as_a_fraction_is_questioned_and_below_one_percent_kept_with_its_sign(data_dir):
    """0.62 for a share in percent was saved as 0.62 % without a word.  The field says both
    readings and keeps the answer it had; 0.62% is saved as written, and shown so again."""
    first, question, _ = _general_pair("number")
    assert question.is_share()
    app = make_app(questionnaire="general", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await at_question(app, pilot, first)
        await burst(app, pilot, ["0", ".", "6", "2"])
        assert first not in app.state.session.answers
        assert "enter 62 for 62 %" in text_of(screen.query_one("#number-error"))
        assert text_of(screen.query_one("#number-unit")) == "%"
        await burst(app, pilot, ["%"])
        assert text_of(screen.query_one("#number-unit")) == ""  # not "0.62% %"
        await burst(app, pilot, ["enter"])
        assert app.state.session.answers[first] == "0.62%"
        await screen.go(first)
        await pilot.pause()
        assert screen.query_one("#number-input").value == "0.62%"
        assert text_of(screen.query_one("#number-unit")) == ""
        await pilot.press("ctrl+q")
    saved = maturity.load_answers(app.state.session.path)
    assert maturity.assess(maturity.load_questionnaire("general"), saved).answers[first] == "0.62%"


async def test_one_point_zero_for_a_share_is_questioned_and_one_or_one_hundred_saved(data_dir):
    """1.0 is 100 % as a spreadsheet keeps it, or 1 %: the field says both and keeps the
    answer it had; 100 and 1 are saved as whole numbers, never as 1.0."""
    first, question, _ = _general_pair("number")
    assert question.is_share()
    app = make_app(questionnaire="general", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await at_question(app, pilot, first)
        await burst(app, pilot, ["1", ".", "0"])
        assert first not in app.state.session.answers  # as the question was shown
        assert "enter 100 for 100 %, or 1 for 1 %" in text_of(screen.query_one("#number-error"))
        await burst(app, pilot, ["backspace", "backspace", "0", "0", "enter"])
        assert app.state.session.answers[first] == 100 and type(app.state.session.answers[first]) is int
        await pilot.press("ctrl+q")
    assert f"{first}: 100\n" in app.state.session.path.read_text("utf-8")


async def test_a_fraction_saved_earlier_is_shown_with_the_reason_and_counts_unanswered(data_dir):
    """An autosave from before the share rule holds 0.62: the field showed nothing, the index
    counted the question answered, and the grade left it out (found by review).  The field
    shows 0.62 and why; the question is among the unanswered until it is corrected."""
    first, _, second = _general_pair("number")
    app = make_app(questionnaire="general", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await at_question(app, pilot, second)
        app.state.session.answers[first] = 0.62
        app.state._changed()
        await screen.go(first)
        await pilot.pause()
        assert screen.query_one("#number-input").value == "0.62"
        assert "enter 62 for 62 %" in text_of(screen.query_one("#number-error"))
        assert first in app.state.unanswered()
        await burst(app, pilot, ["end", "%", "enter"])
        assert app.state.session.answers[first] == "0.62%" and first not in app.state.unanswered()


async def test_a_digit_then_down_rates_and_moves_and_the_last_down_stays(data_dir):
    """The Chinese first-time user lost a Down typed right after a digit (the digit's
    deferred focus call moved the focus back), and a Down on the last item moved the
    focus, unseen, into the notes field."""
    from maturity.tui.widgets.checklist import RatingRow

    first, question, _ = _general_pair()
    n = len(question.items)
    app = make_app(questionnaire="general", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await at_question(app, pilot, first)
        await burst(app, pilot, ["1", "down", "2"])
        two = dict(app.state.session.answers[first])
        await pilot.press("up")
        await burst(app, pilot, [k for _ in range(n) for k in ("3", "down")])
        saved = app.state.session.answers[first]
        await pilot.press("down")  # on the last item, once everything has settled
        await pilot.pause()
        focused = app.focused
    ids = [i.id for i in question.items]
    assert two == {ids[0]: "fully", ids[1]: "mostly"}, two
    assert saved == dict.fromkeys(ids, "partly"), saved
    assert isinstance(focused, RatingRow) and focused.item.id == question.items[-1].id


async def test_a_checklist_says_how_many_items_are_rated_until_all_are(data_dir):
    """The Chinese first-time user could not tell that rows were left below the fold,
    and one rated item already counts the question as answered."""
    from maturity.i18n import t

    first, question, _ = _general_pair()
    n = len(question.items)
    app = make_app(questionnaire="general", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await at_question(app, pilot, first)
        detail = screen.query_one("#detail")
        assert not detail.display  # nothing rated yet: nothing to count
        await burst(app, pilot, ["2"])
        shown = (detail.display, text_of(detail))
        await burst(app, pilot, [k for _ in range(n) for k in ("2", "down")])
        after = detail.display
    assert shown == (True, t("tui_rated", "en", n=1, total=n))
    assert after is False  # every item rated


def test_only_a_question_in_percent_hides_its_unit_behind_a_typed_sign():
    """The unit beside the field goes while "0.62%" carries its own sign; a question in
    hours keeps "h" beside "5%" (found by review: every unit went)."""
    from maturity.tui.widgets.number import NumberAnswer

    _, question, _ = _general_pair("number")
    assert question.in_percent()
    share = NumberAnswer(question, None, "en")
    assert share.unit_beside("0.62%") == "" and share.unit_beside("62") == "%"
    hours = NumberAnswer(question.model_copy(update={"unit": "h"}), None, "en")
    assert not hours.question.in_percent()
    assert hours.unit_beside("5%") == "h" and hours.unit_beside("5") == "h"


async def test_ctrl_u_in_a_number_or_notes_field_jumps_and_keeps_the_answer_and_note(data_dir):
    """A user pressed Ctrl+U (first unanswered, as the guide says) in a number field: the
    field took it as "delete to the start of the line", and the save removed the answer
    from the file; in the notes field it removed the note."""
    first, _, _ = _general_pair("number")
    app = make_app(questionnaire="general", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await at_question(app, pilot, first)
        await burst(app, pilot, ["4", "0"])
        await pilot.press("f2", *"counted", "end")
        await pilot.pause()
        assert app.state.session.notes[first] == "counted"
        await pilot.press("ctrl+u")  # in the notes field
        await pilot.pause()
        assert app.state.session.answers[first] == 40 and app.state.session.notes[first] == "counted"
        await screen.go(first)
        await pilot.pause()
        await burst(app, pilot, ["end"])
        assert getattr(app.focused, "id", None) == "number-input"  # the field shown (the one left may linger)
        await pilot.press("ctrl+u")  # in the number field
        await pilot.pause()
        assert app.state.session.answers[first] == 40
        assert screen.current != first  # it went to the first unanswered question
        await pilot.press("ctrl+q")
    saved = maturity.load_answers(app.state.session.path)
    assert saved.answers[first] == 40 and saved.notes[first] == "counted"


async def test_leaving_a_number_field_that_holds_no_answer_says_it_was_not_kept(data_dir):
    """A second-round TUI audit typed 150 over 65 and pressed PgDn: the next question came
    with no word, and 65 stayed. Enter explains; leaving any other way now says so too."""
    first, _, _ = _general_pair("number")
    app = make_app(questionnaire="general", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await at_question(app, pilot, first)
        await burst(app, pilot, ["6", "5", "enter"])
        await screen.go(first)
        await pilot.pause()
        await burst(app, pilot, ["end", "backspace", "backspace", "1", "5", "0"])
        await pilot.press("pagedown")
        await pilot.pause()
        assert screen.current != first and app.state.session.answers[first] == 65
        told = [str(n.message) for n in app._notifications if n.severity == "warning"]
        assert any("“150” was not kept" in m for m in told), told
        await pilot.press("ctrl+q")


async def test_a_checklist_opens_on_its_first_unrated_item_in_view(data_dir):
    """A second-round TUI audit: Ctrl+U went to a checklist whose unrated item was below
    the fold; the focus was on it unseen, and a digit rated it without a visible change."""
    from maturity.tui.widgets.checklist import RatingRow

    q = maturity.load_questionnaire("general")
    qid, question = max(((k, x) for k, (_, _, x) in q.questions.items()
                         if x.kind == "checklist" and not x.applies and not x.follow_up),
                        key=lambda kx: len(kx[1].items))
    app = make_app(questionnaire="general", lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await at_question(app, pilot, qid)
        last = question.items[-1].id
        app.state.session.answers[qid] = {i.id: "fully" for i in question.items if i.id != last}
        app.state._changed()
        await screen.go(qid)
        for _ in range(4):
            await pilot.pause()
        row = app.focused
        assert isinstance(row, RatingRow) and row.id == f"item-{last}"
        box = row.parent
        assert box.scroll_offset.y <= row.virtual_region.y < box.scroll_offset.y + box.size.height
        await pilot.press("ctrl+q")
