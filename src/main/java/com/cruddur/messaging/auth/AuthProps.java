package com.cruddur.messaging.auth;

import com.cruddur.messaging.config.AuthSettings;

/**
 * @param stageName      stage the pool belongs to; part of its name and of its SSM parameter names
 * @param settings       threat protection, token lifetimes and how mail is sent
 * @param holdsRealData  true = deletion protection and RETAIN, so real accounts survive a stack delete
 */
public record AuthProps(String stageName, AuthSettings settings, boolean holdsRealData) {
}
