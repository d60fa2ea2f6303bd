package dev.apigw.samples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderRequestTest {
    @Test
    void parse_order_readsItemAndQuantity() {
        assertThat(OrderRequest.parse("{ \"quantity\" : 2, \"item\": \"a \\\"big\\\" cup\" }"))
                .isEqualTo(new OrderRequest("a \"big\" cup", 2));
    }

    @Test
    void parse_missingMemberOrNoObject_isNull() {
        assertThat(OrderRequest.parse("{\"item\":\"tea\"}")).isNull();
        assertThat(OrderRequest.parse("[1]")).isNull();
        assertThat(OrderRequest.parse(null)).isNull();
    }

    @Test
    void quote_controlAndQuoteCharacters_areEscaped() {
        assertThat(JsonText.quote("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
        assertThat(JsonText.quote(null)).isEqualTo("null");
    }
}
