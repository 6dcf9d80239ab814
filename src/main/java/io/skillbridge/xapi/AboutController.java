package io.skillbridge.xapi;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** {@code /xapi/about}: the versions this LRS speaks; open without credentials or version header, as the spec allows. */
@RestController
@RequestMapping("/xapi")
class AboutController {

    @GetMapping("/about")
    Map<String, Object> about() {
        return Map.of("version", XapiVersion.SUPPORTED, "extensions", Map.of());
    }
}
