package dev.vouch.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.registry.domain.RegistryException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of domain failure has its status and problem type: the exception mapper never falls through. */
class ProblemMappingTest {

    /** Every concrete class in the sealed hierarchy, found from the hierarchy itself so a new one cannot hide. */
    static List<Class<?>> concreteFailures(Class<?> root) {
        List<Class<?>> found = new ArrayList<>();
        if (!java.lang.reflect.Modifier.isAbstract(root.getModifiers())) {
            found.add(root);
        }
        Class<?>[] permitted = root.getPermittedSubclasses();
        if (permitted != null) {
            for (Class<?> sub : permitted) {
                found.addAll(concreteFailures(sub));
            }
        }
        return found;
    }

    @Test
    void everyRegistryExceptionMapsToAClientOrAvailabilityStatusWithAStableType() {
        List<Class<?>> failures = concreteFailures(RegistryException.class);

        assertThat(failures).hasSizeGreaterThanOrEqualTo(8);
        for (Class<?> failure : failures) {
            assertThat(ProblemMapping.kindOf(failure))
                    .as(failure.getSimpleName())
                    .hasValueSatisfying(kind -> {
                        assertThat(kind.status()).isIn(400, 401, 403, 404, 409, 422, 429, 503);
                        assertThat(kind.type()).matches("[a-z-]+");
                    });
        }
    }

    /** A stand-in for a subclass the table does not name: the lookup walks up to the nearest mapped class. */
    @Test
    void aSubclassMapsLikeItsNearestMappedAncestor() {
        assertThat(ProblemMapping.kindOf(RegistryException.class)).isEmpty();
        assertThat(ProblemMapping.kindOf(dev.vouch.registry.domain.NotFoundException.class))
                .hasValueSatisfying(kind -> assertThat(kind.status()).isEqualTo(404));
    }
}
