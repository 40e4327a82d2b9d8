from csp.decorators import csp_exempt
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token
from django.views.defaults import server_error as django_server_error


@requires_csrf_token
def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return HttpResponseBadRequest(loader.render_to_string("400.html", request=request))


@csp_exempt()
def server_error(request: HttpRequest) -> HttpResponse:
    # The stand-alone 500 template needs no database, so it renders even when that failed; its
    # one inline style is all it has, hence no Content-Security-Policy.
    return django_server_error(request, template_name="500.html")
