package dev.apigw.testkit;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static dev.apigw.testkit.GatewayAssertions.assertThatThrownBy;

import dev.apigw.runtime.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One static import of {@link GatewayAssertions} serves apigw's types and AssertJ's own: the entry
 * point extends AssertJ's {@code Assertions}, and no overload is ambiguous.
 */
class GatewayAssertionsTest {
    @Test
    void assertThat_apigwAndJdkTypes_resolveWithOneImport() {
        Response response = Response.builder().statusCode(204).build();

        assertThat(response).hasStatus(204).hasEmptyBody();
        assertThat("text").startsWith("te");
        assertThat(Optional.of("7")).contains("7");
        assertThat(List.of(1, 2)).containsExactly(1, 2);
        assertThat(Map.of("a", "b")).containsEntry("a", "b");
        assertThat(3).isPositive();
        assertThat((Object) response).isSameAs(response);
    }

    @Test
    void assertThat_failingResponseAssertion_throwsAssertionError() {
        Response response = Response.builder().statusCode(500).build();

        assertThatThrownBy(() -> assertThat(response).hasStatus(200))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("500");
    }
}
