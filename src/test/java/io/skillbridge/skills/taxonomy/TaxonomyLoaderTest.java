package io.skillbridge.skills.taxonomy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaxonomyLoaderTest {

    static final String HEADER = "id,label,domain,broader,aliases,related,uri,description\n";

    @TempDir
    Path dir;

    @Test
    void theShippedTaxonomyCoversEveryDomainWithAtLeast300Skills() {
        Taxonomy t = TaxonomyLoader.load(Path.of("config/taxonomy"));

        assertThat(t.size()).isGreaterThanOrEqualTo(300);
        assertThat(t.skills().stream().map(Skill::domain).collect(Collectors.toSet()))
                .containsAll(Set.of("business", "data", "technology", "people", "customer", "operations"));
        assertThat(t.version()).isEqualTo("skillbridge-2026.11");
        assertThat(t.skills()).filteredOn(s -> s.uri() != null).isNotEmpty()
                .allSatisfy(s -> assertThat(s.uri()).startsWith("http"));
    }

    @Test
    void namesResolveWhateverTheCaseSpacingAndPunctuation() throws IOException {
        write("skills.csv", HEADER + "sql,SQL,data,,Structured Query Language|T-SQL,,,\n"
                + "csharp,C#,technology,,C Sharp,,,\n");
        Taxonomy t = TaxonomyLoader.load(dir);

        assertThat(t.resolve("structured  query-language").orElseThrow().id()).isEqualTo("sql");
        assertThat(t.resolve("t sql").orElseThrow().id()).isEqualTo("sql");
        assertThat(t.resolve("c#").orElseThrow().id()).isEqualTo("csharp");
        assertThat(t.resolve("c")).isEmpty();
    }

    @Test
    void relatedSkillsHoldBothWaysUnlessTheOtherSideSaysOtherwise() throws IOException {
        write("skills.csv", HEADER + "a,A,data,,,b:0.6|c:0.3,,\nb,B,data,,,,,\nc,C,data,,,a:0.9,,\n");
        Taxonomy t = TaxonomyLoader.load(dir);

        assertThat(t.byId("b").orElseThrow().related()).containsEntry("a", 0.6);
        assertThat(t.byId("c").orElseThrow().related()).containsEntry("a", 0.9);
        assertThat(t.byId("a").orElseThrow().related()).containsEntry("c", 0.3);
    }

    @Test
    void aDuplicateIdIsRefusedNamingBothLines() throws IOException {
        write("skills.csv", HEADER + "sql,SQL,data,,,,,\npython,Python,technology,,,,,\nsql,SQL again,data,,,,,\n");

        assertThatThrownBy(() -> TaxonomyLoader.load(dir)).isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("skills.csv:4: duplicate skill id 'sql', first declared at skills.csv:2");
    }

    @Test
    void aCycleOfBroaderSkillsIsRefusedNamingTheLine() throws IOException {
        write("skills.csv", HEADER + "root,Root,data,,,,,\na,A,data,c,,,,\nb,B,data,a,,,,\nc,C,data,b,,,,\n");

        assertThatThrownBy(() -> TaxonomyLoader.load(dir)).isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("skills.csv:3: broader skills form a cycle: a -> c -> b -> a");
    }

    @Test
    void unknownReferencesAndBadWeightsAreRefusedWithTheirLines() throws IOException {
        write("skills.csv", HEADER + "a,A,data,nowhere,,b:0.5,,\nb,B,data,,,a:1.5,,\n");

        assertThatThrownBy(() -> TaxonomyLoader.load(dir)).isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("skills.csv:2: skill 'a' names an unknown broader skill 'nowhere'")
                .hasMessageContaining("skills.csv:3: related weight of 'a' must be above 0 and at most 1, was 1.5");
    }

    @Test
    void aJsonExtensionAddsSkillsUnderShippedOnesAndItsErrorsNameTheirLine() throws IOException {
        write("skills.csv", HEADER + "data-analysis,Data Analysis,data,,,,,\n");
        write("zz-company.json", """
                [
                  {"id": "churn-modeling", "label": "Churn Modeling", "domain": "data",
                   "broader": "data-analysis", "aliases": ["Churn Prediction"], "related": {"data-analysis": 0.5}},
                  {"id": "data-analysis", "label": "Duplicate", "domain": "data"}
                ]
                """);

        assertThatThrownBy(() -> TaxonomyLoader.load(dir)).isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("zz-company.json:4: duplicate skill id 'data-analysis', first declared at skills.csv:2");

        write("zz-company.json", """
                [
                  {"id": "churn-modeling", "label": "Churn Modeling", "domain": "data",
                   "broader": "data-analysis", "aliases": ["Churn Prediction"], "related": {"data-analysis": 0.5}}
                ]
                """);
        Taxonomy t = TaxonomyLoader.load(dir);
        assertThat(t.resolve("churn prediction").orElseThrow().broaderId()).isEqualTo("data-analysis");
        assertThat(t.byId("data-analysis").orElseThrow().related()).containsEntry("churn-modeling", 0.5);
    }

    @Test
    void aNameThatWouldMeanTwoSkillsIsRefused() throws IOException {
        write("skills.csv", HEADER + "excel,Microsoft Excel,data,,Excel|Spreadsheets,,,\n"
                + "sheets,Google Sheets,data,,Spreadsheets,,,\n");

        assertThatThrownBy(() -> TaxonomyLoader.load(dir)).isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("skills.csv:3: the name 'Spreadsheets' of skill 'sheets' already names skill 'excel'");
    }

    @Test
    void theChecksumChangesWithTheFilesAndTheVersionComesFromTaxonomyYaml() throws IOException {
        write("skills.csv", HEADER + "a,A,data,,,,,\n");
        write("taxonomy.yaml", "version: acme-7\n");
        Taxonomy first = TaxonomyLoader.load(dir);
        write("skills.csv", HEADER + "a,A,data,,,,,\nb,B,data,,,,,\n");
        Taxonomy second = TaxonomyLoader.load(dir);

        assertThat(first.version()).isEqualTo("acme-7");
        assertThat(second.checksum()).isNotEqualTo(first.checksum());
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }
}
