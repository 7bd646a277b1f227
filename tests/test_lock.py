"""One process edits a session (#11 item 2): the lock, its stale takeover, read-only."""

from __future__ import annotations

import os
import socket

import pytest

from maturity.lock import Holder, Lock, SessionLocked
from maturity.session import Session


def test_a_second_lock_on_the_same_file_is_refused_with_the_holder(tmp_path):
    target = tmp_path / "s.yaml"
    first, second = Lock(target), Lock(target)
    first.acquire()
    with pytest.raises(SessionLocked) as exc:
        second.acquire()
    assert exc.value.holder.pid == os.getpid() and exc.value.issues[0].code == "locked"
    first.release()
    second.acquire()  # free again
    assert second.held
    second.release()
    assert not (tmp_path / "s.yaml.lock").exists()


def test_a_lock_whose_process_is_gone_is_taken_over(tmp_path):
    target = tmp_path / "s.yaml"
    dead = 2**22 + 12345  # above any pid this machine hands out
    (tmp_path / "s.yaml.lock").write_text(f"{dead} {socket.gethostname()} 2026-01-01T00:00:00\n")
    assert not Holder(dead, socket.gethostname(), "").alive()
    lock = Lock(target)
    lock.acquire()
    assert lock.holder().pid == os.getpid()
    lock.release()


def test_a_lock_from_another_host_is_respected(tmp_path):
    target = tmp_path / "s.yaml"
    (tmp_path / "s.yaml.lock").write_text("1 some-other-host 2026-01-01T00:00:00\n")
    with pytest.raises(SessionLocked):
        Lock(target).acquire()


def test_a_read_only_session_never_writes(tmp_path, monkeypatch):
    monkeypatch.setenv("MATURITY_DATA_DIR", str(tmp_path / "data"))
    s = Session(questionnaire="general@2", answers={"strategy.planning.roadmap": 2})
    s.save()
    before = s.path.read_bytes()
    s.read_only = True
    s.answers["strategy.planning.roadmap"] = 4
    s.save()
    assert s.path.read_bytes() == before
