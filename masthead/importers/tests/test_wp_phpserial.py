import pytest

from masthead.importers.wordpress.phpserial import PhpObject, is_serialized, loads


def test_scalars():
    assert loads("N;") is None
    assert loads("b:1;") is True
    assert loads("b:0;") is False
    assert loads("i:-42;") == -42
    assert loads("d:0.5;") == 0.5
    assert loads("d:-INF;") == float("-inf")


def test_string_lengths_are_bytes_not_characters():
    # "été" is 5 bytes in UTF-8: PHP counts bytes.
    assert loads('s:5:"été";') == "été"
    assert loads('s:9:"a "quote"";') == 'a "quote"'


def test_arrays_become_lists_or_dicts():
    assert loads('a:2:{i:0;s:1:"a";i:1;s:1:"b";}') == ["a", "b"]
    assert loads('a:2:{i:1;s:1:"a";i:0;s:1:"b";}') == {1: "a", 0: "b"}
    assert loads('a:1:{s:5:"sizes";a:1:{s:5:"thumb";a:1:{s:4:"file";s:5:"x.jpg";}}}') == {
        "sizes": {"thumb": {"file": "x.jpg"}}
    }
    assert loads("a:0:{}") == []


def test_objects_are_refused_by_default():
    with pytest.raises(ValueError, match=r"offset 0: a serialized PHP object \(stdClass\)"):
        loads('O:8:"stdClass":1:{s:1:"a";i:1;}')


def test_objects_read_as_data_are_never_built():
    value = loads('a:1:{s:4:"meta";O:8:"Exploit!":1:{s:3:"cmd";s:2:"rm";}}', objects="data")
    assert value == {"meta": PhpObject("Exploit!", {"cmd": "rm"})}


@pytest.mark.parametrize(
    "data, message",
    [
        ("a:1:{i:0;r:1;}", "offset 9: references"),
        ("a:1:{i:0;R:1;}", "offset 9: references"),
        ('C:3:"Foo":3:{abc}', "offset 0: custom-serialized"),
        ('s:10:"short";', "offset 2: the string says it is 10 bytes long"),
        ("i:12", "';' missing"),
        ("i:1x;", "offset 2: '1x' is not a whole number"),
        ("b:2;", "offset 0: a boolean is 0 or 1"),
        ("a:1:{a:0:{}i:1;}", "offset 5: an array key must be"),
        ("i:1;junk", "offset 4: unexpected data after the value"),
        ("", "offset 0: unknown type 'the end of the data'"),
        ("x:1;", "offset 0: unknown type 'x:'"),
    ],
)
def test_malformed_input_names_the_offset(data, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        loads(data)


def test_deep_nesting_is_refused_not_a_crash():
    data = "a:1:{i:0;" * 200 + "N;" + "}" * 200
    with pytest.raises(ValueError, match="nested more than 64 levels"):
        loads(data)


def test_huge_declared_counts_fail_cleanly():
    with pytest.raises(
        ValueError, match="offset 19: the array says it holds 999999999 entries but has 1"
    ):
        loads("a:999999999:{i:0;N;}")


def test_is_serialized():
    assert is_serialized('a:1:{i:0;s:1:"a";}')
    assert is_serialized("N;")
    assert not is_serialized("2024/04/photo.jpg")
    assert not is_serialized("a plain sentence;")
