package com.cruddur.messaging.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One page of a query, and where the next one starts. Paging with {@code LastEvaluatedKey} instead
 * of the reference's {@code begins_with(sk, <year>)} keeps last year's conversations visible on 1 January.
 *
 * @param items  in display order
 * @param next   the key to pass for the following page; empty on the last page
 */
public record Page<T>(List<T> items, Optional<Map<String, AttributeValue>> next) {

    public Page {
        items = List.copyOf(items);
    }
}
