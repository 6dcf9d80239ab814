package io.skillbridge.catalog;

import io.skillbridge.skills.taxonomy.Taxonomy;
import io.skillbridge.skills.taxonomy.TaxonomyLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tagging quality on a hand-labelled sample of catalog items (src/test/resources/catalog/labelled-items.tsv):
 * precision and recall of the skills the tagger finds against the skills each item really teaches.
 */
class CatalogTaggingQualityTest {

    static final Taxonomy TAXONOMY = TaxonomyLoader.load(Path.of("config/taxonomy"));

    record Labelled(String title, String description, List<String> tags, Set<String> skills) {
    }

    static List<Labelled> sample() throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/catalog/labelled-items.tsv")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).skip(1).map(l -> l.split("\t", -1))
                .map(f -> new Labelled(f[0], f[1], Arrays.asList(f[2].split(";")), new HashSet<>(Arrays.asList(f[3].split(";")))))
                .toList();
    }

    @Test
    void precisionIsAtLeastNinetyPercentOnTheLabelledSample() throws IOException {
        List<Labelled> sample = sample();
        SkillTagger tagger = new SkillTagger(TAXONOMY);
        int truePositives = 0;
        int found = 0;
        int labelled = 0;
        Set<String> wrong = new TreeSet<>();
        for (Labelled item : sample) {
            Set<String> tagged = new HashSet<>();
            tagger.tag(item.tags(), item.title(), item.description()).matches().forEach(m -> tagged.add(m.skillId()));
            for (String skill : tagged) {
                if (item.skills().contains(skill)) {
                    truePositives++;
                } else {
                    wrong.add(item.title() + " -> " + skill);
                }
            }
            found += tagged.size();
            labelled += item.skills().size();
        }
        double precision = (double) truePositives / found;
        double recall = (double) truePositives / labelled;
        System.out.printf("Tagging on %d labelled items: precision %.3f, recall %.3f (%d of %d found skills right,"
                + " %d of %d labelled skills found)%n", sample.size(), precision, recall, truePositives, found,
                truePositives, labelled);
        wrong.forEach(w -> System.out.println("  not labelled: " + w));
        assertThat(sample).hasSizeGreaterThanOrEqualTo(200);
        assertThat(precision).isGreaterThanOrEqualTo(0.9);
    }
}
