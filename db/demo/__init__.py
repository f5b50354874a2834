"""The demo books: Northbridge ICB's next meeting (``secretary demo``) and years of a busy board
(``secretary demo --years N``). Only the demo command (and tests) import this package; the app
itself never does."""

from db.demo.calendar import DemoDay
from db.demo.northbridge import NORTHBRIDGE_RULE, SHORT_NAME, DemoMissing, build_demo

__all__ = ["NORTHBRIDGE_RULE", "SHORT_NAME", "DemoDay", "DemoMissing", "build_demo"]
