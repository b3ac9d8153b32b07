DROP TABLE reservation_nights;
DROP TABLE rate_days;
DROP TABLE rate_plan_prices;
DROP TABLE rate_plans;
