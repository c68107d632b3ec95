package dev.cameltiledb.component.springboot;

import dev.cameltiledb.component.TileDBComponent;
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
 * Applies {@code camel.component.tiledb.*} to the {@code tiledb} component when Camel creates it, as Camel's own
 * starters do: a {@link ComponentCustomizer} copies every option that is set. Options left unset are not copied, so
 * the component's credential chain (TILEDB_REST_TOKEN, TILEDB_REST_HOST, ~/.tiledb/cloud.json, profiles) still
 * applies. {@code camel.component.tiledb.enabled=false} (or {@code camel.component.tiledb.customizer.enabled=false})
 * turns it off.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, TileDBComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.tiledb"})
public class TileDBComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final TileDBComponentConfiguration configuration;

    public TileDBComponentAutoConfiguration(
            ApplicationContext applicationContext,
            CamelContext camelContext,
            TileDBComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    /** {@code #bean:name} references for the options of an object type (configuration, stateRepository, ...). */
    @Bean
    @ConfigurationPropertiesBinding
    static TileDBComponentConverter tiledbComponentConverter(ApplicationContext applicationContext) {
        return new TileDBComponentConverter(applicationContext);
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureTileDBComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(
                                applicationContext, "camel.component.customizer", "camel.component.tiledb.customizer")
                        && target instanceof TileDBComponent;
            }
        };
    }
}
