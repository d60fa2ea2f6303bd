package dev.apigw.runtime.mapping;

import java.io.Reader;
import org.apache.velocity.exception.ResourceNotFoundException;
import org.apache.velocity.runtime.resource.Resource;
import org.apache.velocity.runtime.resource.loader.ResourceLoader;
import org.apache.velocity.util.ExtProperties;

/**
 * The only resource loader of the {@link TemplateEngine}: it finds nothing, so {@code #include} and
 * {@code #parse} cannot read a file, a classpath resource or {@code /proc}. API Gateway's VTL has
 * no file access either (reference 1.1: a template is one text of at most 300 KB); a template that
 * uses them fails as on AWS, where community reports say they give an error (docs/differences.md).
 * Public only because Velocity instantiates it by class name.
 */
public final class NoResources extends ResourceLoader {
    /** Creates the loader. */
    public NoResources() {}

    @Override
    public void init(ExtProperties configuration) {
        // nothing to configure
    }

    @Override
    public Reader getResourceReader(String source, String encoding) {
        throw new ResourceNotFoundException("mapping templates cannot read files or resources");
    }

    @Override
    public boolean resourceExists(String name) {
        return false;
    }

    @Override
    public boolean isSourceModified(Resource resource) {
        return false;
    }

    @Override
    public long getLastModified(Resource resource) {
        return 0;
    }
}
