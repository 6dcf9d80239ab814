package io.skillbridge.skills;

import io.skillbridge.canonical.Sql;
import io.skillbridge.skills.profile.ProfileCalculator;
import io.skillbridge.skills.profile.ProfileRules;
import io.skillbridge.skills.scale.ProficiencyScales;
import io.skillbridge.skills.taxonomy.Taxonomy;
import io.skillbridge.skills.taxonomy.TaxonomyLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The skills engine's configuration, read once at start from the hub home: the taxonomy ({@code config/taxonomy}),
 * the proficiency scales and the profile rules ({@code config/skills}). A malformed file stops the start.
 */
@Configuration
public class SkillsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SkillsConfiguration.class);

    private final Path config;

    public SkillsConfiguration(@Value("${skillbridge.home:.}") String home) {
        this.config = Path.of(home).resolve("config");
    }

    /** The taxonomy, recorded in the store: its version, and the skills for other tools to join on. */
    @Bean
    public Taxonomy taxonomy(JdbcTemplate jdbc, TransactionTemplate tx) {
        Taxonomy taxonomy = TaxonomyLoader.load(config.resolve("taxonomy"));
        tx.executeWithoutResult(s -> record(jdbc, taxonomy));
        log.info("skills taxonomy {} ({} skills, checksum {})", taxonomy.version(), taxonomy.size(),
                taxonomy.checksum().substring(0, 12));
        return taxonomy;
    }

    @Bean
    public ProficiencyScales proficiencyScales() {
        return ProficiencyScales.load(config.resolve("skills/scales.yaml"));
    }

    @Bean
    public ProfileCalculator profileCalculator() {
        Path rules = config.resolve("skills/profile-rules.yaml");
        return new ProfileCalculator(Files.exists(rules) ? ProfileRules.load(rules) : ProfileRules.defaults());
    }

    private static void record(JdbcTemplate jdbc, Taxonomy taxonomy) {
        Integer known = jdbc.queryForObject("select count(*) from taxonomy_version where version = ? and checksum = ?",
                Integer.class, taxonomy.version(), taxonomy.checksum());
        if (known != null && known > 0) {
            return;
        }
        jdbc.update("insert into taxonomy_version (version, checksum, skill_count, loaded_at) values (?, ?, ?, ?)",
                taxonomy.version(), taxonomy.checksum(), taxonomy.size(), Sql.now());
        Set<String> stored = Set.copyOf(jdbc.queryForList("select id from skill", String.class));
        jdbc.update("update skill set active = false");
        jdbc.batchUpdate("update skill set label = ?, domain = ?, broader_id = ?, uri = ?, active = true where id = ?",
                taxonomy.skills().stream().filter(s -> stored.contains(s.id()))
                        .map(s -> new Object[]{s.label(), s.domain(), s.broaderId(), s.uri(), s.id()}).toList());
        jdbc.batchUpdate("insert into skill (id, label, domain, broader_id, uri, active) values (?, ?, ?, ?, ?, true)",
                taxonomy.skills().stream().filter(s -> !stored.contains(s.id()))
                        .map(s -> new Object[]{s.id(), s.label(), s.domain(), s.broaderId(), s.uri()})
                        .collect(Collectors.toList()));
    }
}
