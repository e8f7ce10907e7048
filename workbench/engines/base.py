"""The engine interface: translate a batch of segments from one language to another."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from workbench.core.errors import WorkbenchError
from workbench.core.languages import get_language


class EngineError(WorkbenchError):
    """A model is missing, unsafe, damaged or cannot translate the pair asked for."""


class Cancelled(WorkbenchError):
    """The caller asked a running translation to stop (its partial output is dropped)."""


@dataclass(frozen=True)
class DecodeOptions:
    """How to decode: beams (1 = greedy), the longest output, the token budget per batch."""

    beams: int = 1
    max_length: int = 256
    batch_tokens: int = 2048
    min_length: int = 0  # benchmarks pin the output length with min = max

    def key(self) -> str:
        """A stable text form, part of the translation cache key."""
        return f"beams={self.beams};max={self.max_length};min={self.min_length}"


class Engine(Protocol):
    """What every MT backend offers."""

    name: str
    model_id: str
    revision: str  # the Hub commit of a pulled model, else "local"
    checksum: str  # sha256 of the weights (16 hex digits)
    #: Polled between batches and, where the backend allows, between decoding steps;
    #: once it returns True, translate raises Cancelled (an app's worker sets it).
    should_stop: Callable[[], bool] | None

    def translate(self, texts: list[str], src: str, tgt: str, options: DecodeOptions) -> list[str]:
        """Translations of ``texts``, in order."""
        ...


def madlad_tag(lang: str) -> str:
    """MADLAD-400's target token for a language: <2ar>, <2ckb>, <2ku> (Kurmanji), <2en>."""
    tag = get_language(lang).tag
    return f"<2{ {'kmr': 'ku'}.get(tag, tag) }>"


def check_stop(engine: object) -> None:
    """Raise Cancelled if the engine's ``should_stop`` says so."""
    stop = getattr(engine, "should_stop", None)
    if stop is not None and stop():
        raise Cancelled("translation cancelled")
