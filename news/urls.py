from django.urls import path

from . import views

app_name = "news"

urlpatterns = [
    path("", views.post_list, name="post_list"),
    path("<id:pk>/", views.post_detail, name="post_redirect"),
    path("<id:pk>/<str:slug>/", views.post_detail, name="post_detail"),
]
