"""Option values converted without pydantic: start-up (issue 16).

Typer 0.2x converts every value of every option through a pydantic ``TypeAdapter``, built when the option is first
processed (a ``--store`` path, a default ``--auth-env``: every command has one). Importing pydantic for that costs
~0.07 s CPU of every command, a third of a one-council ``caregraph query``; caregraph's own code never uses pydantic.
:func:`install` gives each option of a command a converter that does what Typer's adapters do for the plain types
caregraph's commands declare (``str``, ``bool``, ``int`` and ``float`` with their ``min``/``max``, a ``Path``, an enum or
``Literal`` choice, an option with a ``parser``, and a ``list`` of any of these), calling the same Typer helpers
for choices and paths. Anything else (another type, ``clamp``, a value that is not plainly valid, any value the
fast path raises on) goes to Typer's own conversion, unchanged, so unusual input and every error message behave
exactly as in Typer (tests/test_startup.py compares the two on every option of every command).

This leans on two private names of Typer 0.2x (``typer._coercion.RuntimeParam``, ``build_runtime_param``) and a
parameter's ``_runtime_param`` slot; with a Typer that lacks them, :func:`install` does nothing and Typer converts
as it always did.
"""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

try:
    from typer._coercion import RuntimeParam, build_runtime_param
    from typer._param_types import coerce_cli_choice, coerce_cli_path
    from typer._typing import is_literal_type, literal_values
except ImportError:  # pragma: no cover - another Typer: its own conversion throughout
    RuntimeParam = None  # type: ignore[assignment,misc]

_INT = re.compile(r"-?[0-9]{1,18}")  # what pydantic reads as the same int (it also takes "+5", "1_0", "5.0": Typer's)
_FLOAT = re.compile(r"-?[0-9]{1,15}(?:\.[0-9]{1,15})?")  # likewise; "1e3", "inf", ".5" go to Typer


class _Slow(Exception):
    """The value is not one the fast path converts: Typer converts it."""


def _leaf(annotation: Any, info: Any, value: Any, param: Any, ctx: Any) -> Any:
    """``value`` converted as Typer's leaf adapter (``typer._adapters.build_leaf_adapter``) would, or :class:`_Slow`."""
    if info.parser is not None:
        return info.parser(value)  # Typer: Annotated[Any, BeforeValidator(parser)]
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return coerce_cli_choice(value, choices=list(annotation), case_sensitive=info.case_sensitive, ctx=ctx)
    if is_literal_type(annotation):
        return coerce_cli_choice(value, choices=literal_values(annotation), case_sensitive=info.case_sensitive, ctx=ctx)
    if annotation is bool:  # a flag that is unset (None) never gets here; pydantic keeps a bool as it is
        if type(value) is bool:
            return value
        raise _Slow
    if annotation is str:
        if type(value) is str:  # Typer: str(value), then pydantic's str, which keeps a str as it is
            return value
        raise _Slow
    if annotation is int or annotation is float:
        if info.clamp:
            raise _Slow
        if type(value) is str and (_INT if annotation is int else _FLOAT).fullmatch(value):
            number = annotation(value)
        elif type(value) is annotation:  # a default
            number = value
        else:
            raise _Slow
        if (info.min is not None and number < info.min) or (info.max is not None and number > info.max):
            raise _Slow  # pydantic's own message for a number out of range
        return number
    if annotation is Path:
        path_type = info.path_type if info.path_type is not None else annotation
        if path_type is not Path:
            raise _Slow
        if type(value) is str:  # pydantic's Path from a str is Path(str); Typer then checks it as a Path
            value = Path(value)
        elif not isinstance(value, Path):
            raise _Slow
        return coerce_cli_path(value, info, path_type=Path, param=param, ctx=ctx)
    raise _Slow


if RuntimeParam is not None:

    class _Plain(RuntimeParam):
        """Typer's conversion of one parameter, without pydantic when the value is plain (the module docstring)."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            try:
                if get_origin(self.annotation) is list:
                    (item_type,) = get_args(self.annotation)
                    items = value if isinstance(value, (list, tuple)) else [value]
                    return [_leaf(item_type, self.parameter_info, item, param, ctx) for item in items]
                return _leaf(self.annotation, self.parameter_info, value, param, ctx)
            except Exception:  # _Slow, or a value Typer rejects: Typer's own conversion, and its own error
                return build_runtime_param(param.type_descriptor)._coerce_value(value, param=param, ctx=ctx)


def _handled(annotation: Any, info: Any) -> bool:
    if get_origin(annotation) is list:
        args = get_args(annotation)
        return len(args) == 1 and _handled(args[0], info)
    return (
        info.parser is not None
        or annotation in (str, bool, int, float, Path)
        or (isinstance(annotation, type) and issubclass(annotation, Enum))
        or is_literal_type(annotation)
    )


def install(params: list) -> list:
    """Give each of ``params`` (Typer parameters of one command) the pydantic-free converter, when Typer has not
    yet built its own and the parameter's type is one :func:`_leaf` handles; returns ``params``."""
    if RuntimeParam is None:  # pragma: no cover
        return params
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", False) is not None:
            continue
        if descriptor.file_annotation is None and _handled(descriptor.annotation, descriptor.parameter_info):
            param._runtime_param = _Plain(parameter_info=descriptor.parameter_info, annotation=descriptor.annotation)
    return params
