/* The line parser of maturity._lines, compiled: the same subset, the same objects.
 *
 * parse_block(text, plain, known) reads the plain block YAML of an answers file (block
 * mappings with plain keys, one value per line, block sequences of scalars, comments)
 * exactly as maturity._lines._parse does, and returns the document, or None where it is
 * unsure (the caller then runs the Python parser, and after it the full loader).  Plain
 * scalars are resolved by `plain` (the safe loader's rules, in Python), looked up first in
 * `known`, its memo.  It is more cautious than the Python parser: a key or a scalar
 * starting "-" that is not plain ASCII is left to it.  It never decides that a file is
 * invalid.
 *
 * Why: parsing was the largest part of scoring a file in a batch (docs/performance.md).
 * The text is read as UTF-8; every character the subset looks at is ASCII, and a UTF-8
 * sequence never holds an ASCII byte, so byte offsets cut only at character boundaries.
 * tests/test_lines.py checks it against the safe loader, as it checks the Python parser.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

#ifndef MATURITY_SOURCE_SHA
#define MATURITY_SOURCE_SHA "unknown"
#endif

#define MAX_DEPTH 64
#define UNSURE 1 /* a helper's return: leave the text to the Python parser */
#define FAILED 2 /* an exception is set */

typedef struct {
    PyObject *plain; /* callable: str -> object */
    PyObject *known; /* dict: str -> object */
} Ctx;

typedef struct {
    const char *s;
    Py_ssize_t n;
} Span;

static int is_indicator(char c) {
    return c && strchr("-?:,[]{}#&*!|>'\"%@`", c) != NULL;
}

static int is_word(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static Span rstrip_spaces(Span v) {
    while (v.n > 0 && v.s[v.n - 1] == ' ') v.n--;
    return v;
}

static Span lstrip_spaces(Span v) {
    while (v.n > 0 && v.s[0] == ' ') { v.s++; v.n--; }
    return v;
}

static Py_ssize_t find_char(Span v, Py_ssize_t from, char c) {
    for (Py_ssize_t i = from; i < v.n; i++)
        if (v.s[i] == c) return i;
    return -1;
}

/* offset of " #" (a comment after a value), or -1 */
static Py_ssize_t find_comment(Span v) {
    for (Py_ssize_t i = 0; i + 1 < v.n; i++)
        if (v.s[i] == ' ' && v.s[i + 1] == '#') return i;
    return -1;
}

static PyObject *text_of(Span v) {
    return PyUnicode_DecodeUTF8(v.s, v.n, "strict");
}

/* _check_plain: 0 if the scalar may be resolved as plain, UNSURE otherwise */
static int check_plain(Span v) {
    if (v.n == 0) return UNSURE;
    char c = v.s[0];
    if (is_indicator(c) && !(c == '-' && v.n > 1 && v.s[1] >= '0' && v.s[1] <= '9'))
        return UNSURE;
    if (v.s[v.n - 1] == ':') return UNSURE;
    for (Py_ssize_t i = 0; i + 1 < v.n; i++)
        if (v.s[i] == ':' && v.s[i + 1] == ' ') return UNSURE; /* a mapping, not a scalar */
    return 0;
}

/* the plain scalar's object (a new reference), or NULL with an exception set */
static PyObject *resolve(Ctx *ctx, Span v) {
    PyObject *s = text_of(v);
    if (s == NULL) return NULL;
    PyObject *hit = PyDict_GetItemWithError(ctx->known, s);
    if (hit != NULL) {
        Py_DECREF(s);
        Py_INCREF(hit);
        return hit;
    }
    if (PyErr_Occurred()) {
        Py_DECREF(s);
        return NULL;
    }
    PyObject *out = PyObject_CallOneArg(ctx->plain, s);
    Py_DECREF(s);
    return out;
}

/* _tail: only spaces and a comment may follow a closed value */
static int tail_ok(Span rest, Py_ssize_t end) {
    if (end >= rest.n) return 1;
    if (rest.s[end] != ' ') return 0;
    Span t = lstrip_spaces((Span){rest.s + end, rest.n - end});
    return t.n == 0 || t.s[0] == '#';
}

/* _value: one value written on its line (no leading spaces; may end in a comment).
 * Sets *out to a new reference; returns 0, UNSURE or FAILED. */
static int value_of(Ctx *ctx, Span rest, PyObject **out) {
    char c = rest.s[0];
    if (c == '"') {
        Py_ssize_t end = find_char(rest, 1, '"');
        if (end < 0 || find_char((Span){rest.s, end}, 0, '\\') >= 0) return UNSURE;
        if (!tail_ok(rest, end + 1)) return UNSURE;
        *out = text_of((Span){rest.s + 1, end - 1});
        return *out ? 0 : FAILED;
    }
    if (c == '\'') {
        /* '' inside stands for one quote */
        Py_ssize_t i = 1, n = 0;
        char *buf = PyMem_Malloc(rest.n > 0 ? (size_t)rest.n : 1);
        if (buf == NULL) { PyErr_NoMemory(); return FAILED; }
        for (;;) {
            Py_ssize_t end = find_char(rest, i, '\'');
            if (end < 0) { PyMem_Free(buf); return UNSURE; }
            memcpy(buf + n, rest.s + i, (size_t)(end - i));
            n += end - i;
            if (end + 1 < rest.n && rest.s[end + 1] == '\'') {
                buf[n++] = '\'';
                i = end + 2;
                continue;
            }
            if (!tail_ok(rest, end + 1)) { PyMem_Free(buf); return UNSURE; }
            *out = text_of((Span){buf, n});
            PyMem_Free(buf);
            return *out ? 0 : FAILED;
        }
    }
    if (c == '[') {
        Py_ssize_t end = find_char(rest, 0, ']');
        if (end < 0 || !tail_ok(rest, end + 1)) return UNSURE;
        Span inner = {rest.s + 1, end - 1};
        if (lstrip_spaces(inner).n == 0) {
            *out = PyList_New(0);
            return *out ? 0 : FAILED;
        }
        for (Py_ssize_t i = 0; i < inner.n; i++)
            if (strchr("[]{}'\"#", inner.s[i]) != NULL) return UNSURE;
        PyObject *list = PyList_New(0);
        if (list == NULL) return FAILED;
        Py_ssize_t start = 0;
        for (;;) {
            Py_ssize_t comma = find_char(inner, start, ',');
            Py_ssize_t stop = comma < 0 ? inner.n : comma;
            Span item = rstrip_spaces(lstrip_spaces((Span){inner.s + start, stop - start}));
            /* _flow_item: an empty entry or a flow mapping is left to the full loader */
            if (item.n == 0 || item.s[0] == '?' || find_char(item, 0, ':') >= 0 || check_plain(item)) {
                Py_DECREF(list);
                return UNSURE;
            }
            PyObject *x = resolve(ctx, item);
            if (x == NULL || PyList_Append(list, x) < 0) {
                Py_XDECREF(x);
                Py_DECREF(list);
                return FAILED;
            }
            Py_DECREF(x);
            if (comma < 0) break;
            start = comma + 1;
        }
        *out = list;
        return 0;
    }
    if (c == '{') {
        if (rest.n < 2 || rest.s[1] != '}' || !tail_ok(rest, 2)) return UNSURE;
        *out = PyDict_New();
        return *out ? 0 : FAILED;
    }
    Py_ssize_t cut = find_comment(rest);
    Span v = cut < 0 ? rest : rstrip_spaces((Span){rest.s, cut});
    if (check_plain(v)) return UNSURE;
    *out = resolve(ctx, v);
    return *out ? 0 : FAILED;
}

typedef struct {
    Py_ssize_t indent;
    PyObject *container; /* borrowed: owned by its parent, or the root */
} Level;

/* _UNUSUAL of maturity._lines: whether the text holds a character outside YAML 1.1's
 * printable set, or a tab, CR, NEL, LS, PS or byte-order mark (left to the full loader).
 * The text is valid UTF-8 (Python made it). */
static int unusual(const unsigned char *s, Py_ssize_t n) {
    Py_ssize_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            if (c != '\n' && (c < 0x20 || c > 0x7e)) return 1;
            i++;
            continue;
        }
        Py_UCS4 cp;
        int len;
        if (c >= 0xf0) { cp = c & 0x07; len = 4; }
        else if (c >= 0xe0) { cp = c & 0x0f; len = 3; }
        else { cp = c & 0x1f; len = 2; }
        if (i + len > n) return 1;
        for (int k = 1; k < len; k++) cp = (cp << 6) | (s[i + k] & 0x3f);
        i += len;
        if ((cp >= 0xa0 && cp <= 0x2027) || (cp >= 0x202a && cp <= 0xd7ff) ||
            (cp >= 0xe000 && cp <= 0xfefe) || (cp >= 0xff00 && cp <= 0xfffd) || cp >= 0x10000)
            continue;
        return 1;
    }
    return 0;
}

/* _parse, on the UTF-8 text; 0 with *root set, UNSURE or FAILED */
static int parse(Ctx *ctx, const char *text, Py_ssize_t size, PyObject **root_out) {
    PyObject *root = PyDict_New();
    if (root == NULL) return FAILED;
    Level stack[MAX_DEPTH];
    int depth = 0;
    PyObject *pending_parent = NULL, *pending_key = NULL; /* borrowed */
    Py_ssize_t pending_at = 0;
    int result = 0;
    Py_ssize_t pos = 0;
    while (pos <= size) {
        const char *nl = memchr(text + pos, '\n', (size_t)(size - pos));
        Py_ssize_t end = nl ? nl - text : size;
        Span line = {text + pos, end - pos};
        pos = end + 1;
        Span body = lstrip_spaces(line);
        if (body.n == 0 || body.s[0] == '#') continue;
        Py_ssize_t indent = line.n - body.n;
        body = rstrip_spaces(body);
        int item = body.s[0] == '-' && (body.n == 1 || body.s[1] == ' ');
        if (depth == 0) {
            if (indent || item) { result = UNSURE; break; }
            stack[depth++] = (Level){0, root};
        } else if (pending_parent != NULL) {
            PyObject *parent = pending_parent, *key = pending_key;
            pending_parent = pending_key = NULL;
            if (indent > pending_at || (indent == pending_at && item)) {
                if (depth >= MAX_DEPTH) { result = UNSURE; break; }
                PyObject *child = item ? PyList_New(0) : PyDict_New();
                if (child == NULL || PyDict_SetItem(parent, key, child) < 0) {
                    Py_XDECREF(child);
                    result = FAILED;
                    break;
                }
                Py_DECREF(child); /* the parent holds it */
                stack[depth++] = (Level){indent, child};
            }
            /* else: the key keeps the None it was given */
        }
        while (depth > 0 && stack[depth - 1].indent > indent) depth--;
        if (depth == 0) { result = UNSURE; break; }
        Level *top = &stack[depth - 1];
        if (PyList_CheckExact(top->container) && !item && depth > 1 && stack[depth - 2].indent == indent) {
            depth--; /* the end of a sequence written at its key's indent */
            top = &stack[depth - 1];
        }
        if (top->indent != indent) { result = UNSURE; break; }
        if (PyList_CheckExact(top->container)) {
            if (!item || body.n == 1) { result = UNSURE; break; }
            PyObject *x = NULL;
            int r = value_of(ctx, lstrip_spaces((Span){body.s + 2, body.n - 2}), &x);
            if (r) { result = r; break; }
            r = PyList_Append(top->container, x);
            Py_DECREF(x);
            if (r < 0) { result = FAILED; break; }
            continue;
        }
        /* a key: a word character, then word characters, '.', '-', '/'; then ':' and
           spaces or the end of the line (plain ASCII only: anything else is unsure) */
        if (!is_word((unsigned char)body.s[0])) { result = UNSURE; break; }
        Py_ssize_t k = 1;
        while (k < body.n && (is_word((unsigned char)body.s[k]) || body.s[k] == '.' ||
                              body.s[k] == '-' || body.s[k] == '/'))
            k++;
        if (k >= body.n || body.s[k] != ':' || (k + 1 < body.n && body.s[k + 1] != ' ')) {
            result = UNSURE;
            break;
        }
        PyObject *key = resolve(ctx, (Span){body.s, k});
        if (key == NULL) { result = FAILED; break; }
        int seen = PyDict_CheckExact(key) || PyList_CheckExact(key) ? 1 : PyDict_Contains(top->container, key);
        if (seen) { /* a duplicate or unhashable key: the full loader says where */
            Py_DECREF(key);
            result = seen < 0 ? FAILED : UNSURE;
            break;
        }
        Span rest = lstrip_spaces((Span){body.s + k + 1, body.n - k - 1});
        PyObject *value = NULL;
        if (rest.n == 0 || rest.s[0] == '#') {
            value = Py_None; /* set now, so that the key counts as seen */
            Py_INCREF(value);
            pending_parent = top->container;
            pending_key = key; /* borrowed from the container below */
            pending_at = indent;
        } else {
            int r = value_of(ctx, rest, &value);
            if (r) { Py_DECREF(key); result = r; break; }
        }
        int r = PyDict_SetItem(top->container, key, value);
        Py_DECREF(key);
        Py_DECREF(value);
        if (r < 0) { result = FAILED; break; }
    }
    if (result == 0 && depth == 0) result = UNSURE; /* no content: the full loader */
    if (result) {
        Py_DECREF(root);
        return result;
    }
    *root_out = root;
    return 0;
}

static PyObject *parse_block(PyObject *Py_UNUSED(self), PyObject *args) {
    PyObject *text, *plain, *known;
    if (!PyArg_ParseTuple(args, "UOO!:parse_block", &text, &plain, &PyDict_Type, &known)) return NULL;
    Py_ssize_t size;
    const char *utf8 = PyUnicode_AsUTF8AndSize(text, &size);
    if (utf8 == NULL) return NULL;
    if (unusual((const unsigned char *)utf8, size)) Py_RETURN_NONE;
    Ctx ctx = {plain, known};
    PyObject *root = NULL;
    int r = parse(&ctx, utf8, size, &root);
    if (r == FAILED) return NULL;
    if (r == UNSURE) Py_RETURN_NONE;
    return root;
}

static PyMethodDef methods[] = {
    {"parse_block", parse_block, METH_VARARGS,
     "parse_block(text, plain, known) -> dict | None: the answers-file subset of block YAML, "
     "or None where the Python parser must decide."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "maturity._speedups",
    "The compiled line parser of maturity._lines.", -1, methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__speedups(void) {
    PyObject *m = PyModule_Create(&module);
    if (m != NULL && PyModule_AddStringConstant(m, "SOURCE_SHA", MATURITY_SOURCE_SHA) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
