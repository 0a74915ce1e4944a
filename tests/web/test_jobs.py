"""Background jobs: progress while running, results and failures when done."""

from __future__ import annotations

import threading

from newsaudit.errors import IngestError
from newsaudit.web.jobs import JobBoard


def test_progress_moves_while_the_job_runs() -> None:
    board = JobBoard()
    gate = threading.Event()
    seen: list[int] = []

    def work(item: int) -> int:
        if item == 2:
            assert gate.wait(10)
        seen.append(item)
        return item * 10

    job = board.start("numbers", [1, 2, 3], work)
    assert job.total == 3 and not job.finished
    for _ in range(200):
        progress = board.progress(job.id)
        assert progress is not None
        if progress.done == 1:
            break
        threading.Event().wait(0.01)
    assert progress.state == "running" and progress.done == 1
    gate.set()
    done = board.wait(job.id)
    assert done is not None and done.state == "finished"
    assert done.results == (10, 20, 30) and done.errors == ()
    assert seen == [1, 2, 3]


def test_failures_are_recorded_and_the_rest_goes_on() -> None:
    board = JobBoard()

    def work(item: str) -> int:
        if item == "bad":
            raise IngestError("bad: not an article")
        if item == "boom":
            raise RuntimeError("unexpected")
        return len(item)

    done = board.wait(board.start("words", ["good", "bad", "boom", "fine"], work).id)
    assert done is not None and done.state == "finished"
    assert done.results == (4, 4)
    assert done.errors[0] == "bad: not an article"
    assert "RuntimeError" in done.errors[1]
    all_bad = board.wait(board.start("words", ["bad"], work).id)
    assert all_bad is not None and all_bad.state == "failed"
    assert board.progress(999) is None
