package dev.apigw.runtime.mapping;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.spi.json.AbstractJsonProvider;
import com.jayway.jsonpath.spi.json.JsonProvider;
import java.io.InputStream;
import java.util.Collection;
import java.util.Iterator;

/**
 * The {@link ValueJsonProvider} of one rendering's JSONPath queries: Jayway calls it for every
 * property, key list and array element it reads (a deep scan {@code $..*} reads each value of the
 * payload, a filter each item), and each such read counts one step of the rendering's {@link
 * RenderBudget}, whose deadline is checked every few hundred steps. A query therefore fails the
 * template (500, reference 1.1) once the rendering is past its budget rather than running on (issue
 * 9 part 3). Belongs to one rendering: not thread-safe.
 */
final class BudgetedJsonProvider extends AbstractJsonProvider {
    private final JsonProvider values = ValueJsonProvider.configuration().jsonProvider();
    private final RenderBudget budget;

    BudgetedJsonProvider(RenderBudget budget) {
        this.budget = budget;
    }

    /** Returns a JsonPath configuration reading template values within {@code budget}. */
    static Configuration configuration(RenderBudget budget) {
        return ValueJsonProvider.configuration().jsonProvider(new BudgetedJsonProvider(budget));
    }

    /** Returns the budget of the rendering this provider reads for. */
    RenderBudget budget() {
        return budget;
    }

    @Override
    public Object getArrayIndex(Object array, int index) {
        budget.tick();
        return super.getArrayIndex(array, index);
    }

    @Override
    public Object getMapValue(Object map, String key) {
        budget.tick();
        return super.getMapValue(map, key);
    }

    @Override
    public Collection<String> getPropertyKeys(Object value) {
        budget.tick();
        return super.getPropertyKeys(value);
    }

    @Override
    public int length(Object value) {
        budget.tick();
        return super.length(value);
    }

    @Override
    public Iterable<?> toIterable(Object value) {
        budget.tick();
        Iterable<?> elements = super.toIterable(value);
        return () ->
                new Iterator<Object>() {
                    private final Iterator<?> next = elements.iterator();

                    @Override
                    public boolean hasNext() {
                        return next.hasNext();
                    }

                    @Override
                    public Object next() {
                        budget.tick();
                        return next.next();
                    }
                };
    }

    @Override
    public Object parse(String json) {
        return values.parse(json);
    }

    @Override
    public Object parse(InputStream json, String charset) {
        return values.parse(json, charset);
    }

    @Override
    public String toJson(Object value) {
        return values.toJson(value);
    }

    @Override
    public Object createArray() {
        return values.createArray();
    }

    @Override
    public Object createMap() {
        return values.createMap();
    }
}
