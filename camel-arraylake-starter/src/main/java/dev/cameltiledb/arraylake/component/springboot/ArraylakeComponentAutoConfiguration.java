package dev.cameltiledb.arraylake.component.springboot;

import dev.cameltiledb.arraylake.component.ArraylakeComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies {@code camel.component.arraylake.*} to the {@code arraylake} component when Camel creates it, as Camel's own
 * starters do: a {@link ComponentCustomizer} copies every option that is set. Options left unset are not copied, so
 * the component's credential chain (ARRAYLAKE_TOKEN, ARRAYLAKE_SERVICE__URI, ~/.arraylake) still
 * applies. {@code camel.component.arraylake.enabled=false} (or {@code camel.component.arraylake.customizer.enabled=false})
 * turns it off.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, ArraylakeComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.arraylake"})
public class ArraylakeComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final ArraylakeComponentConfiguration configuration;

    public ArraylakeComponentAutoConfiguration(
            ApplicationContext applicationContext,
            CamelContext camelContext,
            ArraylakeComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    /** {@code #bean:name} references for the options of an object type (configuration, stateRepository, arraylakeClient). */
    @Bean
    @ConfigurationPropertiesBinding
    static ArraylakeComponentConverter arraylakeComponentConverter(ApplicationContext applicationContext) {
        return new ArraylakeComponentConverter(applicationContext);
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureArraylakeComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(
                                applicationContext,
                                "camel.component.customizer",
                                "camel.component.arraylake.customizer")
                        && target instanceof ArraylakeComponent;
            }
        };
    }
}
