"""`argparse`, for the command-line scripts tutorials write around `asyncio.run`: a program here
has no command line (`sys.argv` is `['main.py']`), so `parse_args()` gives every default, and a
list passed to `parse_args([...])` is parsed as CPython parses it. Positionals and options with
type, default, choices, nargs, const, required, dest, metavar and help; the actions store,
store_const, store_true, store_false, append, count, help and version; usage, help and error
messages as CPython formats them (80 columns). Left out: subparsers, mutually exclusive groups
(a group is the parser), abbreviations of long options, prefix_chars and fromfile_prefix_chars.
"""

import sys as _sys
import textwrap as _textwrap

SUPPRESS = "==SUPPRESS=="
OPTIONAL = "?"
ZERO_OR_MORE = "*"
ONE_OR_MORE = "+"
_WIDTH = 78  # CPython's: the terminal's 80 columns, less 2


class ArgumentError(Exception):
    def __init__(self, argument, message):
        self.argument_name = None if argument is None else argument._name()
        self.message = message

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return f"argument {self.argument_name}: {self.message}"


class ArgumentTypeError(Exception):
    pass


class HelpFormatter:
    """Chosen with formatter_class=; the help here is always the default formatter's."""


class RawDescriptionHelpFormatter(HelpFormatter):
    pass


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    pass


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    pass


class Namespace:
    def __init__(self, **kwargs):
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __repr__(self):
        return "Namespace(" + ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items()) + ")"

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__


class _Action:
    def __init__(self, option_strings, dest, kind, nargs, const, default, type, choices, required, help, metavar,
                 version=None):
        self.option_strings = option_strings
        self.dest = dest
        self.kind = kind
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar
        self.version = version

    def _name(self):
        if self.option_strings:
            return "/".join(self.option_strings)
        if self.metavar not in (None, SUPPRESS):
            return self.metavar
        return self.dest

    def _metavar(self):
        if self.metavar is not None:
            return self.metavar
        if self.choices is not None:
            return "{" + ",".join(map(str, self.choices)) + "}"
        return self.dest.upper() if self.option_strings else self.dest

    def _format_args(self):
        m = self._metavar()
        if self.nargs is None:
            return m
        if self.nargs == OPTIONAL:
            return f"[{m}]"
        if self.nargs == ZERO_OR_MORE:
            return f"[{m} ...]"
        if self.nargs == ONE_OR_MORE:
            return f"{m} [{m} ...]"
        return " ".join([m] * self.nargs)

    def _invocation(self):
        if not self.option_strings:
            return self._metavar()
        if self.nargs == 0:
            return ", ".join(self.option_strings)
        args = self._format_args()
        return ", ".join(f"{o} {args}" for o in self.option_strings)


_ZERO_ARGS = ("store_const", "store_true", "store_false", "append_const", "count", "help", "version")


class ArgumentParser:
    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=(),
                 formatter_class=HelpFormatter, prefix_chars="-", fromfile_prefix_chars=None,
                 argument_default=None, conflict_handler="error", add_help=True, allow_abbrev=True,
                 exit_on_error=True):
        self.prog = prog if prog is not None else _sys.argv[0].rsplit("/", 1)[-1]
        self.usage = usage
        self.description = description
        self.epilog = epilog
        self.exit_on_error = exit_on_error
        self._actions = []
        self._defaults = {}
        if add_help:
            self.add_argument("-h", "--help", action="help", default=SUPPRESS,
                              help="show this help message and exit")
        for parent in parents:
            self._actions.extend(a for a in parent._actions if a.kind != "help")
            self._defaults.update(parent._defaults)

    def add_argument(self, *names, action="store", nargs=None, const=None, default=None, type=None,
                     choices=None, required=None, help=None, metavar=None, dest=None, version=None):
        if not names or not names[0].startswith("-"):
            if len(names) != 1:
                raise ValueError("invalid option string " + repr(names[1] if names else None)
                                 + ": must start with a character '-'")
            if dest is not None:
                raise ValueError("dest supplied twice for positional argument")
            dest, options = names[0], []
            if required is None:
                required = nargs not in (OPTIONAL, ZERO_OR_MORE)
        else:
            options = list(names)
            if dest is None:
                longs = [o for o in options if o.startswith("--")]
                dest = (longs or options)[0].lstrip("-").replace("-", "_")
            if required is None:
                required = False
        if action in _ZERO_ARGS:
            nargs = 0
        if action == "store_true":
            default = False if default is None else default
            const = True
        elif action == "store_false":
            default = True if default is None else default
            const = False
        elif action in ("help", "version"):
            default = SUPPRESS
            dest = SUPPRESS
            if action == "version" and help is None:
                help = "show program's version number and exit"
        elif action not in ("store", "store_const", "append", "append_const", "count"):
            raise ValueError(f"unknown action {action!r}")
        a = _Action(options, dest, action, nargs, const, default, type, choices, required, help, metavar, version)
        self._actions.append(a)
        return a

    def add_argument_group(self, title=None, description=None):
        return self

    def add_mutually_exclusive_group(self, required=False):
        return self

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for a in self._actions:
            if a.dest in kwargs:
                a.default = kwargs[a.dest]

    def get_default(self, dest):
        for a in self._actions:
            if a.dest == dest and a.default is not None:
                return a.default
        return self._defaults.get(dest)

    # ----- parsing -----

    def parse_args(self, args=None, namespace=None):
        ns, extras = self.parse_known_args(args, namespace)
        if extras:
            self.error("unrecognized arguments: " + " ".join(extras))
        return ns

    def parse_known_args(self, args=None, namespace=None):
        args = _sys.argv[1:] if args is None else list(args)
        ns = Namespace() if namespace is None else namespace
        for a in self._actions:
            if a.dest != SUPPRESS and not hasattr(ns, a.dest) and a.default != SUPPRESS:
                setattr(ns, a.dest, a.default)
        for k, v in self._defaults.items():
            if not hasattr(ns, k):
                setattr(ns, k, v)
        try:
            return self._parse(args, ns)
        except ArgumentError as e:
            if not self.exit_on_error:
                raise
            self.error(str(e))

    def _find(self, option):
        for a in self._actions:
            if option in a.option_strings:
                return a
        return None

    def _parse(self, args, ns):
        extras, positionals, seen = [], [], set()
        i, only_positionals = 0, False
        while i < len(args):
            arg = args[i]
            i += 1
            if only_positionals or not arg.startswith("-") or arg == "-" or _is_negative_number(arg):
                positionals.append(arg)
                continue
            if arg == "--":
                only_positionals = True
                continue
            explicit = None
            action = self._find(arg)
            if action is None and "=" in arg:
                option, explicit = arg.split("=", 1)
                action = self._find(option)
            if action is None and not arg.startswith("--") and len(arg) > 2:
                action = self._find(arg[:2])
                if action is not None:
                    if action.nargs == 0:
                        # -vv: flags run together; each letter after the first is a flag again.
                        args.insert(i, "-" + arg[2:])
                    else:
                        explicit = arg[2:]
            if action is None:
                extras.append(arg)
                continue
            seen.add(action)
            if explicit is not None:
                if action.nargs == 0:
                    raise ArgumentError(action, f"ignored explicit argument {explicit!r}")
                values = [explicit]
            else:
                values = []
                while i < len(args) and not (args[i].startswith("-") and args[i] != "-"
                                             and not _is_negative_number(args[i])):
                    if action.nargs in (None, OPTIONAL) and values:
                        break
                    if isinstance(action.nargs, int) and len(values) == action.nargs:
                        break
                    values.append(args[i])
                    i += 1
            self._check_count(action, values)
            self._take(action, values, ns)
        self._assign_positionals(positionals, ns, seen, extras)
        missing = [a._name() for a in self._actions if a.required and a not in seen]
        if missing:
            raise ArgumentError(None, "the following arguments are required: " + ", ".join(missing))
        for a in self._actions:
            if a not in seen and isinstance(a.default, str) and a.dest != SUPPRESS \
                    and getattr(ns, a.dest, None) is a.default and a.kind in ("store", "append"):
                setattr(ns, a.dest, self._convert(a, a.default))
        return ns, extras

    def _check_count(self, action, values):
        n = len(values)
        if action.nargs is None and n != 1:
            raise ArgumentError(action, "expected one argument")
        if action.nargs == ONE_OR_MORE and n == 0:
            raise ArgumentError(action, "expected at least one argument")
        if isinstance(action.nargs, int) and action.nargs > 0 and n != action.nargs:
            word = "argument" if action.nargs == 1 else "arguments"
            raise ArgumentError(action, f"expected {action.nargs} {word}")

    def _assign_positionals(self, strings, ns, seen, extras):
        actions = [a for a in self._actions if not a.option_strings]

        def least(a):
            if a.nargs in (OPTIONAL, ZERO_OR_MORE):
                return 0
            return a.nargs if isinstance(a.nargs, int) else 1

        for k, a in enumerate(actions):
            room = len(strings) - sum(least(b) for b in actions[k + 1:])
            if a.nargs is None:
                take = 1
            elif isinstance(a.nargs, int):
                take = a.nargs
            elif a.nargs == OPTIONAL:
                take = min(1, room)
            else:
                take = max(room, 0)
            if len(strings) < take or (a.nargs == ONE_OR_MORE and take == 0):
                return
            values, strings = strings[:take], strings[take:]
            seen.add(a)
            self._take(a, values, ns)
        extras.extend(strings)

    def _convert(self, action, text):
        if action.type is None:
            return text
        try:
            return action.type(text)
        except ArgumentTypeError as e:
            raise ArgumentError(action, str(e))
        except (TypeError, ValueError):
            name = getattr(action.type, "__name__", repr(action.type))
            raise ArgumentError(action, f"invalid {name} value: {text!r}")

    def _check_choice(self, action, value):
        if action.choices is not None and value not in action.choices:
            choices = ", ".join(map(repr, action.choices))
            raise ArgumentError(action, f"invalid choice: {value!r} (choose from {choices})")

    def _take(self, action, values, ns):
        kind = action.kind
        if kind == "help":
            self.print_help()
            self.exit()
        if kind == "version":
            print(action.version % {"prog": self.prog} if action.version else "")
            self.exit()
        if kind in ("store_const", "store_true", "store_false"):
            setattr(ns, action.dest, action.const)
            return
        if kind == "append_const":
            setattr(ns, action.dest, (getattr(ns, action.dest, None) or []) + [action.const])
            return
        if kind == "count":
            setattr(ns, action.dest, (getattr(ns, action.dest, None) or 0) + 1)
            return
        converted = [self._convert(action, v) for v in values]
        for v in converted:
            self._check_choice(action, v)
        if action.nargs is None:
            value = converted[0]
        elif action.nargs == OPTIONAL:
            value = converted[0] if converted else (action.default if not action.option_strings else action.const)
        elif action.nargs == ZERO_OR_MORE and not converted and not action.option_strings:
            value = action.default if action.default is not None else []
        else:
            value = converted
        if kind == "append":
            value = list(getattr(ns, action.dest, None) or []) + [value]
        setattr(ns, action.dest, value)

    # ----- usage and help -----

    def _usage_parts(self):
        optionals, positionals = [], []
        for a in self._actions:
            if a.help == SUPPRESS:
                continue
            if a.option_strings:
                part = a.option_strings[0]
                if a.nargs != 0:
                    part += " " + a._format_args()
                optionals.append(part if a.required else f"[{part}]")
            else:
                positionals.append(a._format_args())
        return optionals, positionals

    def format_usage(self):
        prefix = "usage: "
        if self.usage is not None:
            return prefix + self.usage % {"prog": self.prog} + "\n"
        optionals, positionals = self._usage_parts()
        usage = " ".join([self.prog] + optionals + positionals)
        if len(prefix) + len(usage) > _WIDTH:
            usage = "\n".join(_wrap_usage(self.prog, optionals, positionals, prefix))
        return prefix + usage + "\n"

    def format_help(self):
        sections = [self.format_usage()]
        if self.description:
            sections.append(self._fill(self.description) + "\n")
        groups = [("positional arguments:", [a for a in self._actions if not a.option_strings]),
                  ("options:", [a for a in self._actions if a.option_strings])]
        shown = [a for a in self._actions if a.help != SUPPRESS]
        longest = max((len(a._invocation()) + 2 for a in shown), default=0)
        position = min(longest + 2, 24)
        for title, actions in groups:
            actions = [a for a in actions if a.help != SUPPRESS]
            if actions:
                sections.append(title + "\n" + "".join(self._format_action(a, position) for a in actions))
        if self.epilog:
            sections.append(self._fill(self.epilog) + "\n")
        return "\n".join(sections)

    def _fill(self, text):
        if "%(prog)" in text:
            text = text % {"prog": self.prog}
        return _textwrap.fill(" ".join(text.split()), _WIDTH)

    def _format_action(self, action, position):
        header = action._invocation()
        if not action.help:
            return f"  {header}\n"
        params = dict(vars(action), prog=self.prog)
        if params.get("choices") is not None:
            params["choices"] = ", ".join(map(str, params["choices"]))
        text = " ".join((action.help % params).split())
        lines = _textwrap.wrap(text, max(_WIDTH - position, 11))
        if len(header) <= position - 4:
            first = f"  {header:<{position - 4}}  {lines[0]}\n"
        else:
            first = f"  {header}\n" + " " * position + lines[0] + "\n"
        return first + "".join(" " * position + line + "\n" for line in lines[1:])

    def print_usage(self, file=None):
        (file or _sys.stdout).write(self.format_usage())

    def print_help(self, file=None):
        (file or _sys.stdout).write(self.format_help())

    def exit(self, status=0, message=None):
        if message:
            _sys.stderr.write(message)
        _sys.exit(status)

    def error(self, message):
        self.print_usage(_sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _is_negative_number(arg):
    try:
        float(arg)
    except ValueError:
        return False
    return arg.startswith("-")




def _wrap_usage(prog, optionals, positionals, prefix):
    # CPython's HelpFormatter._format_usage: the optionals, then the positionals, on lines
    # indented under the first one's start.
    def lines_of(parts, indent, first_prefix=None):
        lines, line = [], []
        line_len = len(first_prefix) - 1 if first_prefix is not None else len(indent) - 1
        for part in parts:
            if line_len + 1 + len(part) > _WIDTH and line:
                lines.append(indent + " ".join(line))
                line, line_len = [], len(indent) - 1
            line.append(part)
            line_len += len(part) + 1
        if line:
            lines.append(indent + " ".join(line))
        if first_prefix is not None:
            lines[0] = lines[0][len(indent):]
        return lines

    if len(prefix) + len(prog) <= 0.75 * _WIDTH:
        indent = " " * (len(prefix) + len(prog) + 1)
        if optionals:
            return lines_of([prog] + optionals, indent, prefix) + lines_of(positionals, indent)
        return lines_of([prog] + positionals, indent, prefix)
    indent = " " * len(prefix)
    return [prog] + lines_of(optionals, indent) + lines_of(positionals, indent)
