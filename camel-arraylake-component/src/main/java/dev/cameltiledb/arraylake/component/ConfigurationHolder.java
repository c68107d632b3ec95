package dev.cameltiledb.arraylake.component;

/**
 * Implemented by the component and the endpoint, which both hold an {@link ArraylakeConfiguration}: Camel's generated
 * configurers reach the connection and consumer groups through these accessors.
 */
public interface ConfigurationHolder {

    ArraylakeConfiguration getConfiguration();

    default ConnectionOptions getConnection() {
        return getConfiguration().getConnection();
    }

    default void setConnection(ConnectionOptions connection) {
        getConfiguration().setConnection(connection);
    }

    default ConsumerOptions getConsumer() {
        return getConfiguration().getConsumer();
    }

    default void setConsumer(ConsumerOptions consumer) {
        getConfiguration().setConsumer(consumer);
    }
}
