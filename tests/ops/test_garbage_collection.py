"""The server freezes its long-lived objects so the collector's full passes stop costing each
filter change ~80 ms; a run that leaves few objects behind does not pay for a freeze."""

from __future__ import annotations

import gc

import pytest

from latgale_di.server import garbage_collection


@pytest.fixture
def collector():
    gc.collect()
    yield
    gc.unfreeze()  # leave the test process as it was: later tests may count their own garbage


def _long_lived(n: int) -> list[dict]:
    objects = [{"i": i} for i in range(n)]
    gc.collect()  # survivors of a full collection sit in the oldest generation, as loaded data does
    gc.collect()
    return objects


def test_many_new_long_lived_objects_are_frozen_once(collector):
    kept = _long_lived(5_000)
    frozen_before = gc.get_freeze_count()
    assert garbage_collection.settle(limit=1_000) is True
    assert gc.get_freeze_count() >= frozen_before + 5_000
    assert garbage_collection.unfrozen_old_objects() < 1_000  # the next full pass skips them
    assert garbage_collection.settle(limit=1_000) is False  # nothing new: no second pass
    assert kept[-1] == {"i": 4_999}  # frozen objects are the same live objects


def test_few_new_objects_cost_no_collection(collector):
    garbage_collection.settle(limit=0)
    frozen = gc.get_freeze_count()
    _long_lived(10)
    assert garbage_collection.settle(limit=1_000) is False
    assert gc.get_freeze_count() == frozen


def test_a_frozen_object_is_still_freed_when_its_last_reference_goes(collector):
    import weakref

    class Table:
        pass

    table = Table()
    gone = weakref.ref(table)
    garbage_collection.settle(limit=0)
    del table
    assert gone() is None  # reference counting frees it: a replaced cache entry does not leak
