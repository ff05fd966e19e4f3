package io.rapport.common.web;

import jakarta.ws.rs.core.Response;

/** The page a signed-in user sees for a page or form their account may not use (403). */
final class ForbiddenPage {

    private static final String HTML = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Not allowed</title><link rel=\"stylesheet\" href=\"/css/rapport.css\"></head><body>"
            + "<main id=\"main\"><h1>Not allowed</h1><p>Your account may not open this page or send this form.</p>"
            + "<p><a href=\"/app\">Back to the caseload</a></p></main></body></html>";

    private ForbiddenPage() {
    }

    static Response response() {
        return Response.status(403).type("text/html;charset=UTF-8").entity(HTML).build();
    }
}
