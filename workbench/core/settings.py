"""Every setting of the workbench, read in one place: the environment, the paths, the defaults.

Nothing else in the package reads a ``WORKBENCH_*`` variable. :class:`Settings` holds what
they say, with the defaults filled in; :func:`current` reads them now (it caches nothing,
so a changed environment counts at once), :func:`load_settings` adds ``settings.toml``.

``WORKBENCH_HOME``
    The workbench home: the user's TM, the MT cache, the models, ``settings.toml``,
    ``keys.toml``. Default: ``$XDG_DATA_HOME/workbench``, else ``~/.local/share/workbench``.
``WORKBENCH_TM``
    The user's TM file: the app's matches, what confirming learns, the ``tm`` commands'
    default. Default: ``tm.sqlite`` in the home.
``WORKBENCH_GLOSSARY``
    The glossary (TSV, or TBX by extension). Default: ``./glossaries/names.tsv``, else the
    bundled one.
``WORKBENCH_TRANSLATOR``
    The translator named in TM units and an article's front matter. Default:
    ``settings.toml``'s translator, else the login name.
``WORKBENCH_PROPAGATE``
    ``0``: a confirmed segment is not copied to its repetitions (``1`` turns it on).
    Default: ``settings.toml``'s propagate, else on.
``WORKBENCH_RTL``
    ``app`` or ``terminal``: who draws right-to-left text when the app runs with ``--rtl
    auto``. Default: detected (``terminal`` in Konsole and mlterm, else ``app``).
``WORKBENCH_NO_WAL``
    ``1``: databases use a rollback journal instead of WAL. Default: ``0`` (WAL where the
    filesystem allows it).
``HF_ENDPOINT``
    The model hub ``workbench models pull`` uses. Default: ``https://huggingface.co``.
``HF_TOKEN``
    A Hub token for gated models (``HUGGING_FACE_HUB_TOKEN`` is read too). Default: none.

A yes/no variable takes ``1 true yes on`` or ``0 false no off`` (any case); an empty
variable counts as unset. Any other value is a one-line :class:`InputError` naming the
variable and what it takes, raised as soon as the settings are read (every ``workbench``
command reads them first).

The paths under the home: ``tm.sqlite`` (the TM, unless ``WORKBENCH_TM``), ``mt-cache.sqlite``
(the MT cache), ``models/`` (the model store), ``settings.toml``, ``keys.toml`` (key remaps)
and ``seen-first-run``.

Only the tests and benchmarks read ``WORKBENCH_SHARED`` (the ``../shared`` folder),
``WORKBENCH_BENCH_CACHE`` and the ``WORKBENCH_REQUIRE_*`` flags (``1``: a missing optional
dependency fails a test instead of skipping it); the runtime never does.
"""

from __future__ import annotations

import getpass
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from workbench.core.errors import InputError


@dataclass(frozen=True)
class Variable:
    """One environment variable: its name, what it means and its default."""

    name: str
    meaning: str
    default: str


#: Every variable the runtime reads, in the order of the table above.
VARIABLES = (
    Variable(
        "WORKBENCH_HOME",
        "the workbench home: the user's TM, the MT cache, the models, `settings.toml`, `keys.toml`",
        "`$XDG_DATA_HOME/workbench`, else `~/.local/share/workbench`",
    ),
    Variable(
        "WORKBENCH_TM",
        "the user's TM file: the app's matches, what confirming learns, the tm commands' default",
        "`tm.sqlite` in the home",
    ),
    Variable(
        "WORKBENCH_GLOSSARY",
        "the glossary (TSV, or TBX by extension)",
        "`./glossaries/names.tsv`, else the bundled one",
    ),
    Variable(
        "WORKBENCH_TRANSLATOR",
        "the translator named in TM units and an article's front matter",
        "`settings.toml`'s translator, else the login name",
    ),
    Variable(
        "WORKBENCH_PROPAGATE",
        "`0`: a confirmed segment is not copied to its repetitions (`1` turns it on)",
        "`settings.toml`'s propagate, else on",
    ),
    Variable(
        "WORKBENCH_RTL",
        "`app` or `terminal`: who draws right-to-left text when the app runs with `--rtl auto`",
        "detected: `terminal` in Konsole and mlterm, else `app`",
    ),
    Variable(
        "WORKBENCH_NO_WAL",
        "`1`: databases use a rollback journal instead of WAL",
        "`0` (WAL where the filesystem allows it)",
    ),
    Variable(
        "HF_ENDPOINT", "the model hub `workbench models pull` uses", "`https://huggingface.co`"
    ),
    Variable(
        "HF_TOKEN",
        "a Hub token for gated models (`HUGGING_FACE_HUB_TOKEN` is read too)",
        "none",
    ),
)

DEFAULT_HUB = "https://huggingface.co"
RTL_MODES = ("app", "terminal")
SETTINGS_FILE = "settings.toml"
_YES = ("1", "true", "yes", "on")
_NO = ("0", "false", "no", "off")


def _get(env: Mapping[str, str], name: str) -> str | None:
    """A variable's value, stripped; None when unset or empty."""
    value = env.get(name, "").strip()
    return value or None


def _yes_no(env: Mapping[str, str], name: str) -> bool | None:
    """A yes/no variable: True, False, or None when unset (InputError for anything else)."""
    value = _get(env, name)
    if value is None:
        return None
    if value.lower() in _YES:
        return True
    if value.lower() in _NO:
        return False
    raise InputError(f"{name}={value!r}: expected 1 or 0 (or true/false, yes/no, on/off)")


def _path(env: Mapping[str, str], name: str) -> Path | None:
    """A path variable (``~`` expanded), or None when unset."""
    value = _get(env, name)
    return Path(value).expanduser() if value else None


def login_name() -> str:
    """The login name, or 'translator' where there is none."""
    try:
        return getpass.getuser().strip() or "translator"
    except (OSError, KeyError):
        return "translator"


def _read(env: Mapping[str, str]) -> dict[str, object]:
    """Every field of :class:`Settings` from the variables in ``env``."""
    xdg = _path(env, "XDG_DATA_HOME") or Path.home() / ".local" / "share"
    rtl = _get(env, "WORKBENCH_RTL")
    if rtl is not None and rtl.lower() not in RTL_MODES:
        raise InputError(f"WORKBENCH_RTL={rtl!r}: expected app or terminal")
    no_wal = _yes_no(env, "WORKBENCH_NO_WAL")
    propagate = _yes_no(env, "WORKBENCH_PROPAGATE")
    return {
        "translator": _get(env, "WORKBENCH_TRANSLATOR") or login_name(),
        "propagate": True if propagate is None else propagate,
        "home": _path(env, "WORKBENCH_HOME") or xdg / "workbench",
        "tm_file": _path(env, "WORKBENCH_TM"),
        "glossary": _path(env, "WORKBENCH_GLOSSARY"),
        "rtl": rtl.lower() if rtl else None,
        "wal": not no_wal,
        "hub_endpoint": (_get(env, "HF_ENDPOINT") or DEFAULT_HUB).rstrip("/"),
        "hub_token": _get(env, "HF_TOKEN") or _get(env, "HUGGING_FACE_HUB_TOKEN"),
    }


def _now(name: str) -> object:
    """Field ``name`` as the process environment says now (a default factory)."""
    return _read(os.environ)[name]


@dataclass(frozen=True)
class Settings:
    """What the environment (and ``settings.toml``) say, every default filled in.

    ``Settings()`` is the environment now; a field given overrides it, e.g.
    ``Settings("Layla", propagate=False)`` in a test.
    """

    translator: str = field(default_factory=partial(_now, "translator"))
    propagate: bool = field(default_factory=partial(_now, "propagate"))
    home: Path = field(default_factory=partial(_now, "home"))
    #: WORKBENCH_TM; None: ``tm.sqlite`` in the home (see :attr:`user_tm`)
    tm_file: Path | None = field(default_factory=partial(_now, "tm_file"))
    #: WORKBENCH_GLOSSARY; None: looked for (``services.glossary.default_glossary_path``)
    glossary: Path | None = field(default_factory=partial(_now, "glossary"))
    #: app | terminal; None: detect the terminal
    rtl: str | None = field(default_factory=partial(_now, "rtl"))
    wal: bool = field(default_factory=partial(_now, "wal"))
    hub_endpoint: str = field(default_factory=partial(_now, "hub_endpoint"))
    hub_token: str | None = field(default_factory=partial(_now, "hub_token"))

    @classmethod
    def from_environ(cls, env: Mapping[str, str]) -> Settings:
        """The settings ``env`` (a mapping like os.environ) gives; InputError when invalid."""
        return cls(**_read(env))  # type: ignore[arg-type]

    @property
    def home_tm(self) -> Path:
        """The TM file under the home (the default user TM)."""
        return self.home / "tm.sqlite"

    @property
    def user_tm(self) -> Path:
        """The user's TM: ``WORKBENCH_TM``, else ``tm.sqlite`` under the home."""
        return self.tm_file or self.home_tm

    @property
    def mt_cache(self) -> Path:
        """The MT cache database."""
        return self.home / "mt-cache.sqlite"

    @property
    def models(self) -> Path:
        """The model store: one folder per model (``workbench models``)."""
        return self.home / "models"

    @property
    def settings_file(self) -> Path:
        """The translator's ``settings.toml``."""
        return self.home / SETTINGS_FILE

    @property
    def first_run_marker(self) -> Path:
        """Made when the app first opens; while absent the app shows its first-run hint."""
        return self.home / "seen-first-run"


def current() -> Settings:
    """The settings the environment gives now (InputError, one line, for an invalid value)."""
    return Settings.from_environ(os.environ)


def load_settings(path: Path | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """The settings with ``settings.toml`` read too (the environment wins over the file).

    The file (default: ``settings.toml`` in the home) may say::

        translator = "Layla Hassan"   # named in the TM's units and the article's front matter
        propagate = false             # confirmed repetitions are not copied to the others

    A file that is not TOML or has wrong types is a one-line InputError.
    """
    env = os.environ if env is None else env
    base = Settings.from_environ(env)
    p = path or base.settings_file
    data: dict[str, object] = {}
    if p.is_file():
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise InputError(f"{p}: not valid TOML ({e})") from None
        except OSError as e:
            raise InputError(f"{p}: cannot read it ({e.strerror or e})") from None
    who = _get(env, "WORKBENCH_TRANSLATOR") or data.get("translator", base.translator)
    prop = data.get("propagate", True) if _get(env, "WORKBENCH_PROPAGATE") is None else None
    if not isinstance(who, str) or not isinstance(prop, bool | None):
        raise InputError(f'{p}: expected translator = "name" and propagate = true|false')
    return replace(
        base,
        translator=who.strip() or "translator",
        propagate=base.propagate if prop is None else prop,
    )
