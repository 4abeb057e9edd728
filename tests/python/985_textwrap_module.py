# textwrap: wrap and fill (width, indents, long words, hyphens), shorten, dedent and indent,
# with their default options.
import textwrap

text = (
    "Interleave runs asyncio programs in the browser, one step at a time, so that a reader "
    "can see which well-known coroutine ran, in what order, and why the event loop picked it."
)
print(textwrap.fill(text))
print(textwrap.fill(text, width=30))
print(textwrap.wrap(text, 40))
print(textwrap.fill(text, 50, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap("a-very-long-hyphenated-identifier-name and more", 12))
print(textwrap.wrap("supercalifragilisticexpialidocious is long", 10))
print(textwrap.wrap("supercalifragilisticexpialidocious is long", 10, break_long_words=False))
print(textwrap.wrap("tabs\there  and   spaces\nnewline", 12))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10), textwrap.fill("short", 10))
print(textwrap.shorten("Hello  world, this is a long sentence", width=20))
print(textwrap.shorten("Hello world", width=11), textwrap.shorten(text, 40, placeholder="..."))
print(textwrap.wrap(text, 30, max_lines=2))

block = """
    def main():
        print("hi")

      # a comment
    """
print(repr(textwrap.dedent(block)))
print(repr(textwrap.dedent("  a\n\t b\n")), repr(textwrap.dedent("   \n  x\n    y")))
print(textwrap.indent("one\ntwo\n\nthree", "> "))
print(repr(textwrap.indent("a\n  \nb", "+", lambda line: True)))
w = textwrap.TextWrapper(width=25, subsequent_indent="    ")
print(w.fill("The wrapper object can be reused for many paragraphs of text."))
try:
    textwrap.wrap("x", 0)
except ValueError as e:
    print(e)
