/**
 * The two Lambda functions of the SAM sample's {@code template.yaml}: {@link
 * dev.apigw.samples.orders.ListOrdersHandler} ({@code GET /orders}) and {@link
 * dev.apigw.samples.orders.CreateOrderHandler} ({@code POST /orders}), plain Lambda proxy handlers
 * that know nothing of apigw.
 */
package dev.apigw.samples.orders;
