package io.skillbridge.catalog;

import io.skillbridge.api.Paging;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** The skill-tagged catalog for the LXP, and the provider tags the taxonomy lacks. */
@RestController
@RequestMapping("/api/v1/catalog")
class CatalogController {

    private final CatalogQueries queries;

    CatalogController(CatalogQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "Active catalog items, paged; filter by skill (id, label or alias), level taught (0-5),"
            + " modality, maximum minutes and language")
    @GetMapping
    Map<String, Object> catalog(@RequestParam(required = false) String skill,
                                @RequestParam(required = false) Integer level,
                                @RequestParam(required = false) String modality,
                                @RequestParam(required = false) Integer maxMinutes,
                                @RequestParam(required = false) String language,
                                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return queries.search(new CatalogQueries.Filter(skill, level, modality, maxMinutes, language),
                Paging.of(page, size));
    }

    @Operation(summary = "Provider tags that match no taxonomy skill, most frequent first")
    @GetMapping("/unmatched-tags")
    Map<String, Object> unmatchedTags(@RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size) {
        return queries.unmatchedTags(Paging.of(page, size));
    }

    @Operation(summary = "One catalog item with the skills it teaches and every provider that offers it")
    @GetMapping("/{id}")
    Map<String, Object> item(@PathVariable String id) {
        return queries.item(id);
    }
}
