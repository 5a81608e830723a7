package io.zeekagent.hub.security;

import io.zeekagent.hub.system.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Answers a valid key whose role is too weak: 403 problem+json naming the role the request needs. */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Authentication authentication =
                SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        String who = authentication != null && authentication.getPrincipal() instanceof ApiKeyPrincipal principal
                ? "API key '" + principal.name() + "' (role " + principal.role().value() + ")"
                : "This API key";
        String needed = AccessPolicy.requiredRole(request)
                .map(role -> "; it needs role " + role.value())
                .orElse("");
        ProblemDetail problem = ProblemResponses.problem(
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Insufficient role",
                who + " may not " + request.getMethod() + " " + request.getRequestURI() + needed);
        AccessPolicy.requiredRole(request).ifPresent(role -> problem.setProperty("requiredRole", role.value()));
        ProblemResponses.write(response, problem);
    }
}
