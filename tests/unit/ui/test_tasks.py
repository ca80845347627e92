"""TaskRunner's workers: they outlive their pages quietly, changing calls deliver their result at
shutdown, and long jobs have their own pool so that host calls are never starved."""

from __future__ import annotations

import gc
import threading

from PySide6.QtWidgets import QWidget

from hvseed_gui.ui import tasks
from hvseed_gui.ui.tasks import TaskRunner


def test_a_call_finishing_after_its_page_is_gone_prints_nothing(qtbot, capfd):
    release = threading.Event()
    parent = QWidget()
    runner = TaskRunner(parent)
    runner.run(lambda: release.wait(5), lambda r: None, lambda e: None)
    parent.deleteLater()
    held = [runner]
    qtbot.waitUntil(lambda: not _alive(held[0]))
    held.clear()
    del runner, parent
    gc.collect()
    release.set()
    assert tasks.pool().waitForDone(5000)
    qtbot.wait(50)
    err = capfd.readouterr().err
    assert "Signal source has been deleted" not in err
    assert "Error calling Python override" not in err


def _alive(obj) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def test_shutdown_lets_changing_calls_deliver_their_result(qtbot):
    release = threading.Event()
    seen = []
    runner = TaskRunner()
    runner.run(lambda: release.wait(5) and "started", seen.append, seen.append, cancellable=False)
    runner.abandon()  # closing the window does not drop it
    assert tasks.mutations_in_flight() == 1
    threading.Timer(0.1, release.set).start()
    assert tasks.shutdown(mutation_wait_ms=5000, wait_ms=5000)
    assert seen == ["started"] and tasks.mutations_in_flight() == 0


def test_long_jobs_and_stuck_calls_do_not_starve_host_calls(qtbot):
    release = threading.Event()
    hashers = [TaskRunner(long_running=True) for _ in range(tasks.long_pool().maxThreadCount())]
    stuck = [TaskRunner() for _ in range(2)]
    for r in hashers + stuck:
        r.run(lambda: release.wait(10), lambda x: None, lambda e: None)
    for r in stuck:
        r.abandon()  # "Stop waiting" on a hung host: the thread stays taken
    seen = []
    fresh = TaskRunner()
    try:
        fresh.run(lambda: "read", seen.append, seen.append)
        qtbot.waitUntil(lambda: seen == ["read"], timeout=3000)
    finally:
        release.set()
        tasks.long_pool().waitForDone(5000)
        tasks.pool().waitForDone(5000)
