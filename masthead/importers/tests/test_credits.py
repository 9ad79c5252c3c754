"""Photo credits read from credit fields and captions, by the rules every importer shares."""

import pytest

from masthead.importers.credits import declared_credit, parse_credit, split_credit


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        (
            "Protesters in Tbilisi. REUTERS/Jane Doe",
            ("REUTERS", "Jane Doe", "Protesters in Tbilisi."),
        ),
        (
            "A market in Kutaisi (Photo: Nino Beridze/AFP)",
            ("AFP", "Nino Beridze", "A market in Kutaisi"),
        ),
        ("Flooded street. Photo: Levan Kapanadze", ("", "Levan Kapanadze", "Flooded street.")),
        ("Credit: Getty Images", ("Getty Images", "", "")),
        ("The square at night. Image: City Archive", ("", "City Archive", "The square at night.")),
        ("Boats. AP Photo/John Smith", ("AP", "John Smith", "Boats.")),
        ("Harbour. Photo by Ana Silva via EPA", ("EPA", "Ana Silva", "Harbour.")),
        ("Sunset over the Black Sea.", None),
        ("Turnout rose to 50/50 in the north", None),
        ("", None),
    ],
)
def test_parse_credit(caption, expected):
    assert parse_credit(caption) == expected


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        ("BAYWIRE/Ines Calder", ("BAYWIRE", "Ines Calder")),  # a wire service in capitals
        ("Nino Beridze/AFP", ("AFP", "Nino Beridze")),  # the agency after the name
        ("AP Photo/John Smith", ("AP", "John Smith")),
        ("Staff Photo/Ana Silva", ("Staff", "Ana Silva")),  # "… Photo" marks the agency
        ("Jane Doe/Getty Images", ("Getty Images", "Jane Doe")),
        ("Ines Calder / Harbour Trust", ("Harbour Trust", "Ines Calder")),
        ("Ana Silva via EPA", ("EPA", "Ana Silva")),
        ("REUTERS", ("REUTERS", "")),
        ("Levan Kapanadze.", ("", "Levan Kapanadze")),
    ],
)
def test_split_credit(credit, expected):
    assert split_credit(credit) == expected


def test_a_separate_organisation_is_the_agency_whatever_the_credit_says():
    assert split_credit("Pia Holm", "Quarry Lane News") == ("Quarry Lane News", "Pia Holm")
    assert split_credit("REUTERS/Pia Holm", " Desk ") == ("Desk", "REUTERS/Pia Holm")


def test_a_declared_credit_is_split_only_when_it_is_all_credit():
    assert declared_credit("AFP/Ilse Brandt") == ("AFP", "Ilse Brandt")
    assert declared_credit("Photo: Ana Folau") == ("", "Ana Folau")
    assert declared_credit("Ana Folau") == ("", "Ana Folau")


def test_an_unspaced_credit_reads_agency_first_as_house_style():
    # Neither side looks like an agency: the left one is, as "AGENCY/Photographer" is written.
    assert split_credit("Harbour Trust/Ines Calder") == ("Harbour Trust", "Ines Calder")
