"""The admin's import forms: the upload (kept by `uploads`) and the plan's mapping of
categories and tags."""

import logging
import shutil
from pathlib import Path, PurePosixPath

from django import forms
from django.core.validators import URLValidator
from django.utils.text import slugify

from masthead.importers import mapping as mappings
from masthead.importers import sources
from masthead.importers.models import ImportRun
from masthead.importers.uploads import (
    EXPORT_SUFFIXES,
    MAX_PHOTO_BYTES,
    UploadRefused,
    new_folder,
    readable,
    store,
    stored_name,
    too_big,
    unpack_photos,
)

logger = logging.getLogger(__name__)

TARGET_CHOICES = [
    ("region", "Region"),
    ("type", "Article type"),
    ("topic", "Topic"),
    ("skip", "Leave out"),
]


class ImportUploadForm(forms.Form):
    export = forms.FileField(
        label="Export file",
        widget=forms.FileInput(attrs={"accept": ".xml,.gz,.zip,.json"}),
        help_text="A WordPress export (.xml, .xml.gz, or a .zip of its parts), a Ghost export "
        "(.json, or its .zip), or the .zip Substack sends.",
        error_messages={
            "required": "Choose the export file to upload.",
            "empty": "The file is empty: export the site again and upload the new file.",
        },
    )
    photos = forms.FileField(
        label="Photos (optional)",
        widget=forms.FileInput(attrs={"accept": ".zip"}),
        required=False,
        help_text="A .zip of the old site's photo folder (WordPress: wp-content/uploads). Photos "
        "not in it are left out, unless they are fetched from the old site.",
        error_messages={"empty": "The photos .zip is empty."},
    )
    fetch_media = forms.BooleanField(
        label="Fetch missing photos from the old site",
        required=False,
        help_text="Only from the old site's own address, while it is still online.",
    )
    site_url = forms.URLField(
        label="Site address (Substack)",
        required=False,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        help_text="Where the publication lived, e.g. https://example.substack.com: a Substack "
        "export does not say. Old addresses there are sent to the new pages.",
    )
    author_name = forms.CharField(
        label="Byline (Substack)",
        required=False,
        max_length=255,
        help_text="The author of every post in a Substack export.",
    )

    def clean_export(self):
        upload = self.cleaned_data["export"]
        name = upload.name.lower()
        if not name.endswith(EXPORT_SUFFIXES):
            suffix = PurePosixPath(name).suffix or "no extension"
            raise forms.ValidationError(
                f"{upload.name} ({suffix}) is not an export. Upload a WordPress .xml, .xml.gz "
                "or .zip, a Ghost .json or .zip, or a Substack .zip."
            )
        if upload.size > sources.MAX_UNPACKED_BYTES:
            raise forms.ValidationError(
                f"{upload.name} is larger than {sources.MAX_UNPACKED_BYTES // 1024**3} GiB; "
                "split the export (WordPress: by date or by category)."
            )
        return upload

    def clean_photos(self):
        upload = self.cleaned_data.get("photos")
        if upload and not upload.name.lower().endswith(".zip"):
            raise forms.ValidationError(
                f"{upload.name} is not a .zip: zip the photo folder (wp-content/uploads) and "
                "upload the .zip."
            )
        if upload and upload.size > MAX_PHOTO_BYTES:
            raise forms.ValidationError(too_big(upload.name))
        return upload

    def plan_run(self, *, user) -> ImportRun:
        """Keep the upload, read it and plan the import: a run waiting to be started. Raises
        UploadRefused, keeping nothing, when a file cannot be kept or read."""
        from masthead.importers.run import Importer, Options

        data = self.cleaned_data
        upload = data["export"]
        name = Path(upload.name).name
        folder = new_folder()
        try:
            export_path = folder / stored_name(name)
            store(upload, export_path)
            uploads = unpack_photos(data["photos"], folder) if data.get("photos") else None
            options = Options(
                uploads=uploads,
                fetch_media=data["fetch_media"],
                site_url=data["site_url"],
                author_name=data["author_name"].strip(),
            )
            try:
                plan = Importer([export_path], options).plan()
            except (sources.ExportError, mappings.MappingError) as error:
                message = readable(str(error), export_path, name)
                if name.lower().endswith(".json") and "not an XML file" in message:
                    # Not Ghost's, so it was tried as WordPress's: say what was expected.
                    message = (
                        f"{name} is not a Ghost export: upload the .json from Ghost's Settings "
                        "→ Advanced → Import/Export (“Export your content”)."
                    )
                raise UploadRefused(message, "export") from None
            except Exception as error:  # a reader's bug must not leave the upload behind
                logger.exception("planning an uploaded export failed")
                raise UploadRefused(
                    f"{name} could not be read ({type(error).__name__}: "
                    f"{readable(str(error), export_path, name)}).",
                    "export",
                ) from None
            plan["problems"] = [readable(p, export_path, name) for p in plan["problems"]]
            return ImportRun.objects.create(
                name=name[:255],
                source=plan["source"],
                export_path=str(export_path),
                options={
                    "uploads": str(uploads or ""),
                    "fetch_media": options.fetch_media,
                    "site_url": options.site_url,
                    "author_name": options.author_name,
                },
                plan=plan,
                created_by=user,
            )
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise


# The plan's mapping -----------------------------------------------------------------------


def plan_terms(plan: dict) -> list[dict]:
    """The export's categories and tags, each with the target the plan proposes, in a fixed
    order (the form's fields are numbered by it)."""
    rows = []
    mapping = plan.get("mapping") or {}
    names = plan.get("term_names") or {}
    for table, kind in (("categories", "category"), ("tags", "tag")):
        for key, target in sorted((mapping.get(table) or {}).items()):
            chosen, slug = ("skip", "") if target.get("skip") else next(iter(target.items()))
            rows.append(
                {
                    "table": table,
                    "kind": kind,
                    "key": key,
                    "name": names.get(f"{kind}:{key}") or key,
                    "target": chosen,
                    # a term left out gets a slug ready, should the editor take it in
                    "slug": slug or slugify(key)[:50] or slugify(names.get(f"{kind}:{key}", "")),
                }
            )
    return rows


class MappingForm(forms.Form):
    """Where each category and tag goes, and the region and type of an article that names
    none; `mapping_json()` is the JSON `mapping.parse()` reads."""

    def __init__(self, *args, plan: dict, regions: dict[str, str], types: dict[str, str],
                 taken: set[str], **kwargs):  # fmt: skip
        super().__init__(*args, **kwargs)
        self.rows = plan_terms(plan)
        self.taken = taken  # slugs of pages under the front page that are not regions
        self.regions = regions
        for number, row in enumerate(self.rows):
            label = f"{row['name']} ({row['kind']})"
            self.fields[f"t{number}_target"] = forms.ChoiceField(
                label=f"{label}: becomes", choices=TARGET_CHOICES, initial=row["target"]
            )
            self.fields[f"t{number}_slug"] = forms.CharField(
                label=f"{label}: slug", required=False, max_length=80, initial=row["slug"]
            )
            row["target_field"] = self[f"t{number}_target"]
            row["slug_field"] = self[f"t{number}_slug"]
        proposed = plan.get("mapping") or {}
        self.fields["default_region"] = forms.ChoiceField(
            label="Region of an article with none",
            choices=_choices(regions, proposed.get("default_region", ""), "region"),
            initial=proposed.get("default_region", ""),
        )
        self.fields["default_type"] = forms.ChoiceField(
            label="Type of an article with none",
            choices=_choices(types, proposed.get("default_type", ""), "type"),
            initial=proposed.get("default_type", ""),
        )

    def clean(self):
        data = super().clean()
        tables = {"categories": {}, "tags": {}}
        for number, row in enumerate(self.rows):
            target = data.get(f"t{number}_target")
            slug = (data.get(f"t{number}_slug") or "").strip()
            if target is None:
                continue
            if target == "skip":
                tables[row["table"]][row["key"]] = {"skip": True}
                continue
            error = self._slug_error(target, slug)
            if error:
                self.add_error(f"t{number}_slug", error)
                continue
            tables[row["table"]][row["key"]] = {target: slug}
        if self.errors:
            return data
        self.mapping = {
            **tables,
            "default_region": data.get("default_region", ""),
            "default_type": data.get("default_type", ""),
        }
        try:
            mappings.parse(self.mapping)
        except mappings.MappingError as error:
            raise forms.ValidationError(str(error)) from None
        return data

    def _slug_error(self, target: str, slug: str) -> str | None:
        if not slug:
            return "Give the slug of the region, type or topic (e.g. “energy”)."
        region = target == "region"
        if slugify(slug, allow_unicode=region) != slug:
            suggestion = slugify(slug, allow_unicode=region)
            hint = f" (e.g. “{suggestion}”)" if suggestion else ""
            return f"“{slug}” is not a slug: use lower-case letters, digits and hyphens{hint}."
        if region and slug in self.taken and slug not in self.regions:
            return f"/{slug}/ is already a page that is not a region: choose another slug."
        return None

    def mapping_json(self) -> dict:
        return self.mapping


def _choices(existing: dict[str, str], proposed: str, what: str) -> list[tuple[str, str]]:
    choices = [(slug, f"{name} ({slug})") for slug, name in existing.items()]
    if proposed and proposed not in existing:
        choices.insert(0, (proposed, f"{proposed} (a new {what}, made by the import)"))
    return choices
