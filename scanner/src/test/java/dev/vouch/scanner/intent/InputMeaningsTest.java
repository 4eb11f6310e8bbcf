package dev.vouch.scanner.intent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputMeaningsTest {

    @Test
    void everyInputOfTheModelHasAMeaning() {
        assertThat(IntentFeatures.inputNames())
                .allSatisfy(name -> assertThat(InputMeanings.of(name)).as(name).isNotBlank());
    }

    @Test
    void aNamedFeatureMeansItsQuestion() {
        assertThat(InputMeanings.of("exfil-sink")).isEqualTo(Feature.EXFIL_SINK.question());
    }

    @Test
    void aPairOfCuesMeansBothInOneSentence() {
        assertThat(InputMeanings.of("cue:conceal+report"))
                .isEqualTo(Cue.CONCEAL.meaning() + "; in the same sentence, " + Cue.REPORT.meaning());
    }

    @Test
    void aWordInputNamesItsWordAndWhereItStood() {
        assertThat(InputMeanings.of("words:always")).startsWith("the word \"always\" in the tool's text");
        assertThat(InputMeanings.of("instruction-words:whenever"))
                .startsWith("the word \"whenever\" in a sentence that instructs the agent");
    }

    @Test
    void aNameThatIsNoInputsMeansNothing() {
        assertThat(InputMeanings.of("cue:nothing")).isEmpty();
        assertThat(InputMeanings.of("cue:conceal+nothing")).isEmpty();
        assertThat(InputMeanings.of("no-such-feature")).isEmpty();
    }
}
