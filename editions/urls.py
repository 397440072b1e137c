from django.urls import path

from whrcf.page_cache import cache_public_page

from . import views

app_name = "editions"

urlpatterns = [
    path("", cache_public_page(views.EditionListView.as_view()), name="edition_list"),
    path("<id:number>/", views.edition_detail, name="edition_detail"),
    path("<id:number>/sessions/<id:pk>/", views.session_detail, name="session_detail"),
]
