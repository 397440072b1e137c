from django.urls import path

from common.page_cache import cache_public_page

from . import views
from .feeds import LatestDeclarationsAtomFeed, LatestDeclarationsFeed

app_name = "editions"

urlpatterns = [
    path("forums/", cache_public_page(views.EditionListView.as_view()), name="edition_list"),
    path("forums/declarations/", cache_public_page(views.DeclarationListView.as_view()), name="declaration_list"),
    path("forums/declarations/feed/", cache_public_page(LatestDeclarationsFeed()), name="declaration_feed"),
    path(
        "forums/declarations/feed/atom/",
        cache_public_page(LatestDeclarationsAtomFeed()),
        name="declaration_feed_atom",
    ),
    path("forums/<id:number>/", cache_public_page(views.edition_detail), name="edition_detail"),
    path("forums/<id:number>/program.ics", cache_public_page(views.edition_calendar), name="edition_calendar"),
    path("forums/<id:number>/declaration/", cache_public_page(views.declaration_detail), name="declaration_detail"),
    path("forums/<id:number>/declaration/pdf/", views.declaration_pdf, name="declaration_pdf"),
    path(
        "forums/<id:number>/declaration/both/",
        cache_public_page(views.declaration_bilingual),
        name="declaration_bilingual",
    ),
    path("forums/<id:number>/sessions/<id:pk>/", cache_public_page(views.session_detail), name="session_detail"),
    path(
        "forums/<id:number>/sessions/<id:pk>/calendar.ics",
        cache_public_page(views.session_calendar),
        name="session_calendar",
    ),
    path("people/<id:pk>/", cache_public_page(views.person_detail), name="person_detail"),
    path("people/<id:pk>/<str:slug>/", cache_public_page(views.person_detail), name="person_detail"),
    path("organizations/", cache_public_page(views.OrganizationListView.as_view()), name="organization_list"),
    path("organizations/<slug:slug>/", cache_public_page(views.organization_detail), name="organization_detail"),
]
