package io.skillbridge.xapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every error of the xAPI resources is JSON, {@code {status, error, message, field}}, the same shape as /api/v1's. */
@RestControllerAdvice(basePackages = "io.skillbridge.xapi")
public class XapiErrors {

    @ExceptionHandler(XapiException.class)
    ResponseEntity<Map<String, Object>> xapi(XapiException e) {
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON).body(body(e.status(), e.getMessage(), e.field()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).contentType(MediaType.APPLICATION_JSON)
                .body(body(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage(), null));
    }

    static Map<String, Object> body(HttpStatus status, String message, String field) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("status", status.value());
        b.put("error", status.getReasonPhrase());
        b.put("message", message);
        if (field != null) {
            b.put("field", field);
        }
        return b;
    }

    /** For the request filter, which answers before any controller runs. */
    public static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body(status, message, null));
    }
}
