"""Uploaded files: images served from /media/, documents only through Wagtail's checked view."""

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

import pytest


@pytest.fixture
def private_document(db):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Client contracts")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Sales"))
    document = Document(title="Contract", collection=private)
    document.file.save("contract.txt", ContentFile(b"Secret contract terms"))
    return document


def test_a_private_document_does_not_download_from_media(client, private_document):
    """/media/documents/... answers 404; /documents/<id>/ asks for a login."""
    response = client.get(private_document.file.url)
    assert private_document.file.url.startswith("/media/documents/")
    assert response.status_code == 404
    assert b"Secret contract terms" not in response.content
    checked = client.get(private_document.url)
    assert checked.status_code == 302 and "login" in checked["Location"]


def test_public_documents_download_through_the_document_view(client, db):
    """A document in a public collection streams from /documents/<id>/<name>, not via a redirect to /media/."""
    document = Document(title="Brochure", collection=Collection.get_first_root_node())
    document.file.save("brochure.txt", ContentFile(b"Our services"))
    assert client.get(document.file.url).status_code == 404
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Our services"


def test_images_are_still_served_from_media(client, image):
    """Uploaded images and their renditions load from /media/ as before."""
    assert client.get(image.file.url).status_code == 200
    rendition = image.get_rendition("width-200")
    assert client.get(rendition.url).status_code == 200
