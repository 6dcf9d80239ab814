package io.skillbridge.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SkillTaggerTest {

    final SkillTagger tagger = new SkillTagger(CatalogTaggingQualityTest.TAXONOMY);

    @Test
    void tagsMatchByIdLabelOrAliasWhateverTheirCaseSpacingAndPunctuation() {
        SkillTagger.Tagging t = tagger.tag(List.of("power-bi", "  microsoft EXCEL ", "Data-Viz", "Basket Weaving"), null, null);

        assertThat(t.matches()).containsExactly(new SkillTagger.Match("power-bi", 1.0, SkillTagger.BY_ID),
                new SkillTagger.Match("excel", 1.0, SkillTagger.BY_LABEL),
                new SkillTagger.Match("data-visualization", 0.9, SkillTagger.BY_ALIAS));
        assertThat(t.unmatchedTags()).containsExactly("Basket Weaving");
    }

    @Test
    void textMatchesPreferTheLongestNameAndTitlesOverDescriptions() {
        SkillTagger.Tagging t = tagger.tag(List.of(), "Sales Management for New Leaders",
                "Covers pipeline management and how to run a forecast call in Salesforce.");

        assertThat(t.matches()).extracting(SkillTagger.Match::skillId)
                .containsExactly("sales-management", "pipeline-management");
        assertThat(t.matches().get(0).confidence()).isGreaterThan(t.matches().get(1).confidence());
    }

    @Test
    void ordinaryWordsAndShortNamesNeedATag() {
        SkillTagger.Tagging t = tagger.tag(List.of(), "Go Beyond Strategy: Spring Into Windows of Opportunity",
                "A strategy talk about r and go.");

        assertThat(t.matches()).isEmpty();
        assertThat(tagger.tag(List.of("R", "Go"), null, null).matches()).extracting(SkillTagger.Match::skillId)
                .containsExactly("r-programming", "go");
    }

    @Test
    void descriptionsCountAcronymsOnlyInCapitals() {
        assertThat(tagger.tag(List.of(), "Reporting Basics", "Write SQL that feeds your reports.").matches())
                .extracting(SkillTagger.Match::skillId).containsExactly("sql");
        assertThat(tagger.tag(List.of(), "Reporting Basics", "Keep your sql tidy.").matches()).isEmpty();
    }
}
