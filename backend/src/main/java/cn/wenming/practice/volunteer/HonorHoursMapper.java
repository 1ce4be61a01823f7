package cn.wenming.practice.volunteer;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

/** Honor-hour records: inserted, never updated or deleted. */
@Mapper
interface HonorHoursMapper extends BaseMapper<HonorHours> {

}
