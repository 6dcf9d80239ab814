package io.skillbridge.xapi.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillbridge.xapi.XapiErrors;
import io.skillbridge.xapi.XapiVersion;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The gate of every {@code /xapi} request: the version header (missing or unsupported: 400, except on
 * {@code /xapi/about}), HTTP Basic credentials of a configured client (401 with a challenge), and the client's
 * scope for the method (403). Every response, errors included, names the version it speaks.
 */
@Component
public class XapiRequestFilter extends OncePerRequestFilter {

    public static final String CLIENT = XapiRequestFilter.class.getName() + ".client";
    public static final String VERSION = XapiRequestFilter.class.getName() + ".version";

    private final XapiClients clients;
    private final ObjectMapper json;

    public XapiRequestFilter(XapiClients clients, ObjectMapper json) {
        this.clients = clients;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/xapi") || path.startsWith("/xapi/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String header = request.getHeader(XapiVersion.HEADER);
        XapiVersion version = XapiVersion.parse(header);
        response.setHeader(XapiVersion.HEADER, (version == null ? XapiVersion.V2_0 : version).full());
        if (path.equals("/xapi/about")) {
            chain.doFilter(request, response);
            return;
        }
        XapiClient client = authenticate(request.getHeader("Authorization"));
        if (client == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"xAPI\", charset=\"UTF-8\"");
            XapiErrors.write(response, json, HttpStatus.UNAUTHORIZED, "HTTP Basic credentials of an xAPI client are required");
            return;
        }
        if (version == null) {
            XapiErrors.write(response, json, HttpStatus.BAD_REQUEST, header == null
                    ? XapiVersion.HEADER + " is required (1.0.x or 2.0.x)"
                    : XapiVersion.HEADER + " '" + header + "' is not supported; this LRS speaks " + XapiVersion.SUPPORTED);
            return;
        }
        XapiClient.Scope needed = switch (request.getMethod()) {
            case "GET", "HEAD" -> XapiClient.Scope.READ;
            default -> XapiClient.Scope.WRITE;
        };
        if (!client.scopes().contains(needed)) {
            XapiErrors.write(response, json, HttpStatus.FORBIDDEN, "client '" + client.key()
                    + "' may not " + needed.name().toLowerCase() + " statements");
            return;
        }
        request.setAttribute(CLIENT, client);
        request.setAttribute(VERSION, version);
        chain.doFilter(request, response);
    }

    private XapiClient authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : clients.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
