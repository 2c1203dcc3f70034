#!/usr/bin/python3
"""Checks a command's --format json output against its schema in docs/schema.

    check_json_schema.py SCHEMA [FILE]      (FILE: standard input when absent)

Validates with python3-jsonschema (Draft 2020-12), with one rule stricter
than JSON Schema's: a member the schema types "number" must be written with
a decimal point or an exponent (1.0, not 1), and one typed "integer" without
(3, not 3.0), as docs/formats.md promises.  NaN and Infinity are refused.
Prints nothing when valid, else the first errors with their path; exit 0 when valid,
1 when not, 2 when the tool cannot run (missing module, unreadable file).
"""
import json
import sys

try:
    import jsonschema
    from jsonschema import validators
except ImportError:
    print("check_json_schema: python3-jsonschema is not installed", file=sys.stderr)
    sys.exit(2)


def strict_validator(schema):
    base = validators.validator_for(schema)
    base.check_schema(schema)
    checker = base.TYPE_CHECKER.redefine(
        "number", lambda _c, x: isinstance(x, float)
    ).redefine("integer", lambda _c, x: isinstance(x, int) and not isinstance(x, bool))
    return validators.extend(base, type_checker=checker)(schema)


def refuse_constant(name):
    raise ValueError("not JSON: " + name)


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        name = argv[2] if len(argv) == 3 else "<stdin>"
        if len(argv) == 3:
            with open(argv[2], encoding="utf-8") as f:
                text = f.read()
        else:
            text = sys.stdin.read()
    except OSError as e:
        print("check_json_schema: %s" % e, file=sys.stderr)
        return 2
    try:
        data = json.loads(text, parse_constant=refuse_constant)
    except ValueError as e:
        print("%s: %s" % (name, e))
        return 1
    errors = sorted(strict_validator(schema).iter_errors(data), key=lambda e: list(e.path))
    for e in errors[:5]:
        where = "/".join(str(p) for p in e.absolute_path) or "(top)"
        print("%s: %s: %s" % (name, where, e.message[:300]))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
