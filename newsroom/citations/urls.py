"""URLs of the citation desk, included under /cite/ in the `citations` namespace."""

from django.urls import path

from . import views

app_name = "citations"

urlpatterns = [
    path("basket/", views.basket, name="basket"),
    path("basket/add/", views.basket_add, name="basket_add"),
    path("basket/remove/", views.basket_remove, name="basket_remove"),
    path("basket/clear/", views.basket_clear, name="basket_clear"),
    path("basket.<str:fmt>", views.basket_download, name="basket_download"),
    path("<slug:kind>/<int:pk>/", views.cite, name="cite"),
    path("<slug:kind>/<int:pk>/basket/", views.basket_offer, name="basket_offer"),
    path("<slug:kind>/<int:pk>.<str:fmt>", views.download, name="download"),
    path("<slug:kind>/<int:pk>/sources.<str:fmt>", views.sources_download, name="sources"),
]
